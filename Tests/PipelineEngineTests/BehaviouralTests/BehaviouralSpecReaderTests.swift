import Testing

@testable import LabSupport
@testable import PipelineEngine

@Suite struct BehaviouralSpecReaderTests {
    @Test func aSpecReadsIntoTestsWithTheirDefaults() throws {
        let tests = try BehaviouralSpecReader.parse(
            """
            - name: regions
              type: invariance
              column: region
              swap: [north, south]
            - name: tickets
              type: directional
              column: tickets
              delta: 2
              class: "1"
              expect: not_decrease
              mostly: 95%
              required: false
            """, file: "tests.yaml")
        #expect(tests.map(\.name) == ["regions", "tickets"])
        #expect(tests.map(\.required) == [true, false])
        #expect(tests.map(\.line) == [1, 5])
        guard case .invariance(let column, .swap(let a, let b), let mostly) = tests[0].check else {
            Issue.record("not a swap: \(tests[0].check)")
            return
        }
        #expect([column.value, a.value, b.value] == ["region", "north", "south"])
        #expect(mostly == 1)
        guard case .directional(_, let delta, let positive, let expect, let share) = tests[1].check else {
            Issue.record("not directional: \(tests[1].check)")
            return
        }
        #expect(delta == 2)
        #expect(positive?.value == "1")
        #expect(expect == .notDecrease)
        #expect(share == 0.95)
    }

    @Test(arguments: [
        ("", "tests.yaml:1: the test spec is empty; expected a list of tests"),
        ("tests: []\n", "tests.yaml:1:1: the test spec should be a list, found a mapping"),
        (
            "- {name: a, column: x}\n",
            "tests.yaml:1:3: a test needs a `type`: one of directional, invariance or minimum"
        ),
        (
            "- {name: a, type: invariant, column: x}\n",
            "tests.yaml:1:19: unknown test type \"invariant\"; expected directional, invariance or minimum (did you mean \"invariance\"?)"
        ),
        (
            "- {name: a, type: invariance, column: x, sett: 1}\n",
            "tests.yaml:1:42: unknown key \"sett\" in a invariance test; did you mean \"set\"?"
        ),
        ("- {type: invariance, column: x, set: 1}\n", "tests.yaml:1:3: a test needs a `name`"),
        (
            "- {name: a, type: invariance, column: x}\n",
            "tests.yaml:1:3: an invariance test needs exactly one of `set`, `swap` or `perturb`; found none"
        ),
        (
            "- {name: a, type: invariance, column: x, set: 1, perturb: 2}\n",
            "tests.yaml:1:3: an invariance test needs exactly one of `set`, `swap` or `perturb`; found `set` and `perturb`"
        ),
        (
            "- {name: a, type: invariance, column: x, swap: [a]}\n",
            "tests.yaml:1:48: `swap` has 1 values; expected two to exchange, such as [north, south]"
        ),
        (
            "- {name: a, type: invariance, column: x, swap: [a, a]}\n",
            "tests.yaml:1:48: `swap` exchanges 'a' with itself; name two different values"
        ),
        (
            "- {name: a, type: invariance, column: x, perturb: -1}\n",
            "tests.yaml:1:51: `perturb` is -1; expected a positive amount (both directions are tried)"
        ),
        (
            "- {name: a, type: invariance, column: x, set: 1, mostly: 1.5}\n",
            "tests.yaml:1:58: `mostly` is 1.5; expected a share above 0 and at most 1, such as 0.95"
        ),
        (
            "- {name: a, type: directional, column: x, delta: 0, expect: not_decrease}\n",
            "tests.yaml:1:50: `delta` is 0; a directional test must move the column"
        ),
        (
            "- {name: a, type: directional, column: x, delta: 1, expect: up}\n",
            "tests.yaml:1:61: `expect` is \"up\"; expected not_decrease or not_increase"
        ),
        ("- {name: a, type: directional, column: x, delta: 1}\n", "tests.yaml:1:3: a directional test needs `expect`"),
        ("- {name: a, type: minimum, rows: []}\n", "tests.yaml:1:34: `rows` is an empty list"),
        (
            "- {name: a, type: minimum, rows: [{x: 1}]}\n",
            "tests.yaml:1:35: a row of a minimum test needs `expect`: the label it must get"
        ),
        (
            "- {name: a, type: invariance, column: x, set: 1, required: maybe}\n",
            "tests.yaml:1:60: `required` is \"maybe\"; expected true or false"
        ),
        (
            "- {name: a, type: minimum, rows: [{x: 1, expect: b}]}\n- {name: a, type: minimum, rows: [{x: 1, expect: b}]}\n",
            "tests.yaml:2:3: two tests are named 'a' (the first on line 1); give each a unique `name`"
        ),
    ])
    func badSpecsAreLocated(text: String, message: String) {
        do {
            _ = try BehaviouralSpecReader.parse(text, file: "tests.yaml")
            Issue.record("expected an error: \(message)")
        } catch let error as LabError {
            #expect(error.description == message)
            #expect(error.code.rawValue.hasPrefix("behaviour."))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
