// contactstat: a thin layer over ContactAnalytics. Parse the command line into a value, hand it to the
// command, map errors to exit codes (cli-and-json.md): 0 ok, 1 check breached or --strict rejections,
// 64 usage, 65 unreadable input data, 74 I/O.
import ArgumentParsing
import ContactAnalytics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed pipe (`contactstat report ... | head`) must end the run quietly, not kill it with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandRunner.run(arguments)
exit(status)
