import ArgumentParser
import Testing

@testable import LabShell

/// The command table is the one place a command is listed: `help` groups commands by the
/// ``HelpGroup`` each declares, and Tab completes the options each command defines.
@Suite struct CommandTableTests {
    /// Every command and subcommand type in the table, with the words that reach it.
    static var commandPaths: [(words: [String], command: any ParsableCommand.Type)] {
        func paths(_ command: any ParsableCommand.Type, prefix: [String]) -> [(
            words: [String], command: any ParsableCommand.Type
        )] {
            let words = prefix + [command.commandWord]
            return [(words, command)] + CommandTable.subcommands(of: command).flatMap { paths($0, prefix: words) }
        }
        return CommandTable.commands.flatMap { paths($0, prefix: []) }
    }

    @Test func everyCommandNamesItselfInItsConfiguration() {
        for (words, command) in Self.commandPaths {
            #expect(command.configuration.commandName != nil, "`\(words.joined(separator: " "))` has no commandName")
        }
        #expect(Set(CommandTable.names).count == CommandTable.names.count)
    }

    @Test func everyCommandIsListedOnceByHelpUnderItsGroup() {
        let overview = HelpCommand.overview(TerminalStyle(color: false, width: 100)).split(separator: "\n")
        for command in CommandTable.commands {
            let listed = overview.enumerated().filter { $0.element.hasPrefix("  \(command.commandWord) ") }
            #expect(listed.count == 1, "`\(command.commandWord)` is listed \(listed.count) times")
            let heading = overview[..<(listed.first?.offset ?? 0)].last { !$0.hasPrefix(" ") && !$0.isEmpty }
            #expect(
                heading.map(String.init) == command.helpGroup.title,
                "`\(command.commandWord)` is under \(heading ?? "nothing")")
        }
        for group in HelpGroup.allCases {
            #expect(!CommandTable.commands(in: group).isEmpty, "\(group.title) has no commands")
        }
    }

    @Test func theHelpOverviewListsTheGroupsInOrder() {
        #expect(
            HelpCommand.overview(TerminalStyle(color: false, width: 100)) == """
                cicdlab 0.1.0: a terminal lab for CI/CD in machine learning

                Learning
                  lessons   List the lessons with your progress in each.
                  lesson    Open a lesson where you left off, or at page N.
                  next      Show the next page of the lesson.
                  back      Show the previous page of the lesson.
                  steps     List the lesson's hands-on steps and show the next one.
                  check     Check whether a step is done (the first one not done, by default).
                  hint      Show the next hint for a step (the first one not done, by default).
                  quiz      Practice questions, from one lesson or concept or the whole course.
                  review    Answer the questions due for spaced review (FSRS).
                  progress  Show your lessons, quiz scores, mastery per concept and streak.
                  export    Write your progress as JSON or CSV.
                  profiles  List, create or switch learner profiles.

                Sandbox and engine
                  sandbox   Create, reset, locate or inspect your sandbox workspace, or generate data.
                  scenario  List the production scenarios, or start one.
                  data      Profile, validate and compare CSV data, and look for leakage.
                  drift     Compare a current CSV file with a reference one, column by column, for drift.
                  train     Train a model on a CSV file and score it on test rows.
                  evaluate  Score a saved model on a CSV file: metrics, latency, memory, per-slice fairness.
                  compare   Compare a challenger model with the champion on the same labelled rows, with a paired test.
                  model     Test how a saved model behaves (`model test`).
                  gate      Run validation gates on a model (`gate check`).
                  pipeline  Run the pipeline with caching, see what is stale, its graph, history and diffs, or export it.
                  registry  List model versions, show one's lineage, or move an alias.
                  clock     Show or move the sandbox's simulated clock (`clock advance 7d`).
                  edit      Open a sandbox file in your editor ($VISUAL or $EDITOR).
                  report    Write a pipeline run, a drift comparison or your progress as one HTML file.

                Production
                  deploy    Deploy a registry version: direct, shadow or canary (exit 1 if the canary is rolled back).
                  rollout   Show the latest rollout: weights, replicas, analysis verdicts.
                  promote   Promote the shadow or canary under way to champion, by hand.
                  rollback  Abort the rollout under way, or put the previous champion back after a promotion.
                  traffic   Serve production traffic through the deployed models, or set the load.
                  monitor   Show production day by day: traffic, errors, latency, live accuracy, drift per feature.
                  audit     Show the audit log, newest first: who deployed, promoted, rolled back or moved an alias, and when.

                Authoring
                  lint      Check course content: front matter, concept ids, steps and their checks, quizzes.
                  class     Look at a class: mastery and an item analysis of the quiz questions.

                The lab
                  help      Show the commands, or how to use one (`help profiles create`).
                  doctor    Report versions, paths and database health.
                  quit      Leave the lab (Ctrl-D does the same).

                Type `help COMMAND` for its options. Global options: --json, --no-color, --no-pager, --profile NAME,
                --home DIR, --content DIR. Ctrl-C stops the command under way; `quit` or Ctrl-D leaves the REPL.
                """)
    }

    @Test func everyOptionOfEveryCommandCompletes() throws {
        let lab = try CapturedSession()
        let completer = Completer(session: lab.session, baseDirectory: "/")
        var checked = 0
        for (words, command) in Self.commandPaths where command is any LabCommand.Type {
            let offered = completer.complete(words.joined(separator: " ") + " --").candidates
            for option in OptionNames.long(of: command) {
                #expect(offered.contains(option), "`\(words.joined(separator: " ")) --` does not offer \(option)")
                checked += 1
            }
        }
        #expect(checked >= 50)
    }

    @Test func optionNamesComeFromTheCommandsDefinition() {
        #expect(OptionNames.long(of: AuditCommand.self) == ["--limit", "--action"])
        #expect(
            OptionNames.long(of: TrainCommand.self) == [
                "--target", "--test", "--test-ratio", "--model", "--features", "--param", "--seed", "--out",
            ])
        #expect(OptionNames.long(of: LintCommand.self) == ["--play", "--alone", "--lesson", "--coverage", "--cues"])
        #expect(OptionNames.long(of: QuitCommand.self).isEmpty)
    }
}
