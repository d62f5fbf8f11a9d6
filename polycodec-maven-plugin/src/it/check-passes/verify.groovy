def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] polycodec: Account matches Account.v2.json (BACKWARD_TRANSITIVE in protobuf, json)')
assert !log.contains('Unguarded')
assert log.contains('BUILD SUCCESS')
return true
