package import Foundation
import LabSupport

/// A span of simulated time written the way people do: `30m`, `12h`, `7d`, `2w`, `1d12h`.
package struct SimulatedDuration: Equatable, Sendable, CustomStringConvertible {
    package var seconds: TimeInterval

    package init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    /// The longest span accepted: a year of production (each simulated day is lived through,
    /// so a span of millennia would never end).
    package static let longest = SimulatedDuration(seconds: 366 * 86_400)

    static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// Parses `text`; an error says what was expected.
    package init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = Self.units[character], let value = Double(number) {
                total += value * unit
                number = ""
                sawUnit = true
            } else {
                throw Self.badDuration(text)
            }
        }
        guard sawUnit, number.isEmpty, total > 0 else { throw Self.badDuration(text) }
        guard total <= Self.longest.seconds else {
            throw LabError(
                .clockTooLong,
                "'\(text.excerpt())' is longer than a year (366d), the longest span the lab simulates at once; move in steps of a year or less"
            )
        }
        seconds = total
    }

    private static func badDuration(_ text: String) -> LabError {
        LabError(
            .clockBadDuration,
            "'\(text.excerpt())' is not a duration; write a number and a unit (s, m, h, d, w), such as 30m, 12h, 7d or 1d12h"
        )
    }

    /// The shortest exact spelling: `7d`, `1d12h`, `45m`.
    package var description: String {
        var rest = Int(seconds.rounded())
        var parts = ""
        for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            parts += "\(rest / size)\(unit)"
            rest %= size
        }
        return parts.isEmpty ? "0s" : parts
    }
}
