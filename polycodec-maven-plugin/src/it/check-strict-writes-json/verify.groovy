def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] polycodec: com.acme.model.Account (src/main/java/com/acme/model/Account.java) is not BACKWARD_TRANSITIVE compatible with its history in src/main/schema-history:')
// the arrows of the reason are not matched: how build.log encodes them depends on the platform charset
assert log.contains('  [protobuf] [caveat] Account.v1.json ')
assert log.contains(' candidate (backward): Account.id (tag 1): int64 ')
assert log.contains('BACKWARD_TRANSITIVE in protobuf, strict')
assert log.contains('BUILD FAILURE')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/polycodec-check.json'), 'UTF-8')
assert report.strict == true
assert report.compatible == false
assert report.types[0].state == 'INCOMPATIBLE'
assert report.types[0].results[0].label == 'protobuf'
assert report.types[0].results[0].findings[0].severity == 'caveat'
assert report.types[0].results[0].findings[0].counts == true
assert report.types[0].results[0].findings[0].location == 'Account.id (tag 1)'
return true
