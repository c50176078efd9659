import ArgumentParser
import Course
import Foundation
import LabSupport
import PipelineEngine

/// Completion of a step argument: the ids of the current lesson's steps.
private let stepCompletion = CommandCompletion(values: .dynamic { session in session.currentStepIds() })

/// `steps`: the hands-on steps of the lesson being read, with ✓ or ○, and the next one in full.
struct StepsCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "steps", abstract: "List the lesson's hands-on steps and show the next one.")

    static var completion: CommandCompletion { CommandCompletion(values: .none) }

    func run(in session: LabSession) throws -> Int32 {
        let coach = try StepCoach(session: session)
        try coach.recordActivity()
        let records = try coach.records()
        let next = coach.firstUndone(records)
        if session.wantsJSON {
            try session.console.json(StepsReport(coach, records: records, next: next))
            return 0
        }
        let view = StepView(style: session.style)
        var screen = [view.list(coach, records: records), ""]
        if let next {
            screen.append(view.card(next, number: coach.number(of: next), of: coach.steps.count))
        } else {
            screen.append(try StepCommands.allDone(coach, view: view))
        }
        session.console.line(screen.joined(separator: "\n"))
        return 0
    }
}

/// `check [STEP]`: evaluates a step's check against the sandbox and says what is missing.
struct CheckCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check whether a step is done (the first one not done, by default).",
        discussion: "The check looks at your sandbox (files, registry, clock, deployments), not at what you typed.")

    @Argument(help: ArgumentHelp("The step's id or number.", valueName: "step"))
    var step: String?

    static var completion: CommandCompletion { stepCompletion }

    func run(in session: LabSession) throws -> Int32 {
        let coach = try StepCoach(session: session)
        let records = try coach.records()
        let view = StepView(style: session.style)
        guard let target = try step.map(coach.step(named:)) ?? coach.firstUndone(records) else {
            try coach.recordActivity()
            if session.wantsJSON {
                try session.console.json(CheckReport(lesson: coach.lesson.id, step: nil, status: "all_done"))
            } else {
                session.console.line(try StepCommands.allDone(coach, view: view))
            }
            return 0
        }
        let outcome: CheckOutcome
        if let earlier = coach.unfinishedPredecessor(of: target, records) {
            outcome = .notYet(
                "it builds on step \(coach.number(of: earlier)), \(earlier.title), which is not done yet; steps are done in order"
            )
        } else {
            outcome = try coach.evaluate(target)
        }
        var completion: StepCompletion?
        if outcome.passed {
            completion = try coach.recordDone(target)
        } else {
            try coach.recordActivity()
        }
        if session.wantsJSON {
            try session.console.json(
                CheckReport(
                    lesson: coach.lesson.id, step: target.id, status: StepCommands.status(outcome),
                    reason: outcome.reason, newlyDone: completion?.newlyDone,
                    lessonCompleted: completion?.lessonCompleted))
            return outcome.passed ? 0 : 1
        }
        session.console.line(try StepCommands.verdict(target, outcome, completion, records: records, coach, view))
        return outcome.passed ? 0 : 1
    }
}

/// `hint [STEP]`: the next hint of a step (the first one not done, by default).
struct HintCommand: LabCommand, TopLevelCommand {
    static let helpGroup = HelpGroup.learning

    static let configuration = CommandConfiguration(
        commandName: "hint", abstract: "Show the next hint for a step (the first one not done, by default).")

    @Argument(help: ArgumentHelp("The step's id or number.", valueName: "step"))
    var step: String?

    static var completion: CommandCompletion { stepCompletion }

    func run(in session: LabSession) throws -> Int32 {
        let coach = try StepCoach(session: session)
        let records = try coach.records()
        let view = StepView(style: session.style)
        guard let target = try step.map(coach.step(named:)) ?? coach.firstUndone(records) else {
            if session.wantsJSON {
                try session.console.json(CheckReport(lesson: coach.lesson.id, step: nil, status: "all_done"))
            } else {
                session.console.line(try StepCommands.allDone(coach, view: view))
            }
            return 0
        }
        let seen = records[target.id]?.hintsUsed ?? 0
        let count = target.hints.count
        let number =
            seen < count
            ? try coach.progress.recordHintShown(target.id) : count
        let hint = target.hints[max(0, min(number, count) - 1)]
        if session.wantsJSON {
            try session.console.json(
                HintReport(lesson: coach.lesson.id, step: target.id, hint: hint, number: number, of: count))
            return 0
        }
        let stepName = "step \(coach.number(of: target)), \(target.title)"
        var text = "**Hint \(number) of \(count)** for \(stepName):\n\n\(hint)\n\n"
        if seen >= count {
            text = "**No more hints** for \(stepName); the last one was:\n\n\(hint)\n\n"
        }
        text +=
            number < count
            ? "`hint` again for the next one; `check` when you think it is done." : "`check` when you think it is done."
        session.console.line(view.paragraph(text))
        return 0
    }
}

/// Wording shared by the step commands.
enum StepCommands {
    static func status(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "passed"
        case .notYet: "not_yet"
        case .unavailable: "unavailable"
        }
    }

    /// What `check` says about `step`: done (and what comes next), or what is still missing.
    static func verdict(
        _ step: Step, _ outcome: CheckOutcome, _ completion: StepCompletion?, records: [String: StepRecord],
        _ coach: StepCoach, _ view: StepView
    ) throws -> String {
        let name = "step \(coach.number(of: step)), \(step.title)"
        switch outcome {
        case .passed(let reason):
            let wasDone = !(completion?.newlyDone ?? false)
            var screen = [
                view.paragraph(
                    "\(view.mark(outcome)) **\(wasDone ? "Still done" : "Done")**: \(name). Found: \(reason).")
            ]
            if let next = coach.firstUndone(records, besides: step) {
                screen += ["", view.card(next, number: coach.number(of: next), of: coach.steps.count)]
            } else {
                screen += ["", try allDone(coach, view: view)]
            }
            return screen.joined(separator: "\n")
        case .notYet(let reason):
            let doneBefore = records[step.id]?.done ?? false
            let lead = doneBefore ? "**Done before, but not now**" : "**Not yet**"
            return view.paragraph(
                "\(view.mark(outcome)) \(lead): \(name). Missing: \(reason).\n\n" + nextMove(step))
        case .unavailable(let reason):
            return view.paragraph(
                "\(view.mark(outcome)) **Cannot check** \(name): \(reason). "
                    + "The step stays not done; nothing was recorded as passed.")
        }
    }

    /// What to do after a failed check: the edit first when the step asks for one (running
    /// its commands again changes nothing until the file is edited), then the commands.
    static func nextMove(_ step: Step) -> String {
        let commands = step.commands.map { "`\($0)`" }.joined(separator: " then ")
        var files: [String] = []
        for edit in step.solution where !files.contains(edit.path) { files.append(edit.path) }
        guard !files.isEmpty else { return "Try \(commands), then `check` again; `hint` gives a hint." }
        let edit = "Edit " + listing(files.map { "`\($0)`" }) + " as `steps` describes"
        let run = commands.isEmpty ? "" : ", then run \(commands)"
        return edit + run + ", then `check` again; `hint` gives a hint."
    }

    /// The screen when every step is done: the lesson's state and what to do next.
    static func allDone(_ coach: StepCoach, view: StepView) throws -> String {
        let lesson = coach.lesson
        var text = "All \(coach.steps.count) steps of **\(lesson.title)** are done."
        let unread = try coach.progress.unreadPages().map { $0 + 1 }
        let completed = try coach.progress.isCompleted()
        if completed {
            text += " Lesson complete."
        } else if !unread.isEmpty {
            let first = "`lesson \(lesson.id) --section \(unread[0])`"
            if unread.count == 1 {
                text += " To complete the lesson, read the unread page: \(first)."
            } else {
                // A long list of commands reads badly; name the pages and the first command.
                let numbers =
                    unread.dropLast().map(String.init).joined(separator: ", ") + " and \(unread[unread.count - 1])"
                text += " To complete the lesson, read pages \(numbers): \(first) opens the first, `next` goes on."
            }
        }
        if try lesson.questionCount() > 0 { text += "\n\nNext: `quiz \(lesson.id)` to test yourself." }
        return view.paragraph(text)
    }
}
