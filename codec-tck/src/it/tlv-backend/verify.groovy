import groovy.xml.XmlSlurper

// Checks what an outside author sees: readable names in the reports, a replay of one property, and a
// GenericRecord-only backend running the generic properties.
def reports = new File(basedir, 'target/surefire-reports')
def properties = ['roundTrip.generic', 'roundTrip.zoo', 'entryPoints', 'trailingBytes', 'framedSequences', 'noMutation',
    'determinism', 'concurrency', 'garbageInput', 'truncatedInput', 'bitFlips', 'limits', 'invalidValues', 'evolution',
    'unknownFields']

// name -> 'passed' | 'skipped' | 'failed', for the kit's properties in one report
def outcomes = { String file ->
  def suite = new XmlSlurper().parse(new File(reports, file))
  def seen = [:]
  suite.testcase.each { tc ->
    String name = tc.@name.text()
    assert !name.contains('tck()[') : "a property reported as ${name} in ${file}"
    if (properties.contains(name)) {
      seen[name] = tc.skipped.size() > 0 ? 'skipped' : (tc.failure.size() + tc.error.size() > 0 ? 'failed' : 'passed')
    }
  }
  [seen, suite]
}

// Invocation 1: the GenericRecord-only variant ran every generic property, skipped the typed one.
def (generic, genericSuite) = outcomes('TEST-org.example.tlv.TlvGenericOnlyCodecTck.xml')
assert generic.keySet() == properties as Set : "every property is named in the report: ${generic}"
assert generic['roundTrip.zoo'] == 'skipped' : generic
assert generic.findAll { k, v -> k != 'roundTrip.zoo' }.values().every { it == 'passed' } : generic

// Invocation 2 replayed one property with one seed; its report replaced invocation 1's for TlvCodecTck.
def (replay, replaySuite) = outcomes('TEST-org.example.tlv.TlvCodecTck.xml')
assert replay.findAll { k, v -> v == 'passed' }.keySet() == ['limits'] as Set : "only limits ran: ${replay}"
assert replay.size() == properties.size() : replay
def out = new File(basedir, 'build.log').text
assert out.contains('replaying seed 42') && out.contains('only limits') : 'the replay used the seed and the filter'
return true
