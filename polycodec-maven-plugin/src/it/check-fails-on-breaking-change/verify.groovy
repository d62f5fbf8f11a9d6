def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] polycodec: com.acme.model.Account (src/main/java/com/acme/model/Account.java) is not BACKWARD_TRANSITIVE compatible with its history in src/main/schema-history:')
// the arrows of the reason are not matched: how build.log encodes them depends on the platform charset
assert log.contains('  [protobuf] Account.v1.json ')
assert log.contains(' candidate (backward): Account.owner (tag 2): string ')
assert log.contains(' int64 is not readable in protobuf')
assert log.contains('BUILD FAILURE')
// check never writes to the history
assert !new File(basedir, 'src/main/schema-history/Account.v2.json').exists()
return true
