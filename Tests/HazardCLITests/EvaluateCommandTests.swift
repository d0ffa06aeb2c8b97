import Foundation
import Testing

@Suite("hazard evaluate, run as a user runs it")
struct EvaluateCommandTests {
    @Test("grading the shipped gas example prints the Chinese report and exits 0")
    func gasExample() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml", "--checklists", "checklists"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("urban-gas-2023"))
    }
}
