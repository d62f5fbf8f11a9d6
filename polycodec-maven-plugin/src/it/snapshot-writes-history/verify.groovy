def written = new File(basedir, 'src/main/schema-history/Account.v1.json')
assert written.isFile()
def expected = '''{
  "polycodec": "schema/1",
  "root": "Account",
  "types": [
    {"kind": "record", "name": "Account", "fields": [
      {"name": "id", "tag": 1, "type": "int64"},
      {"name": "owner", "tag": 2, "type": "string"},
      {"name": "tags", "tag": 3, "type": "list<string>"}
    ]}
  ]
}
'''
assert written.text == expected : written.text
def log = new File(basedir, 'build.log').text
assert log.contains('polycodec: Account: wrote src/main/schema-history/Account.v1.json (commit it)')
assert log.contains('[INFO] polycodec: Account matches Account.v1.json (BACKWARD_TRANSITIVE in json)')
return true
