// A start-up reference, not a target: a Swift program that prints a line and exits, linked like
// regards (Swift runtime and Foundation statically, Foundation's formatting, JSON, files and
// regular expressions pulled in as regards pulls them in). What remains above it is regards'
// own start: SQLite, ArgumentParser's parsing and the help text.
import Foundation

if CommandLine.arguments.count > 5 {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "fr_FR")
    print(formatter.string(from: Date()), String(format: "%.2f", 1.5), "é".localizedUppercase)
    print((try? JSONEncoder().encode(["a": 1])) ?? Data(), FileManager.default.currentDirectoryPath, (try? NSRegularExpression(pattern: "a+")) as Any)
}
print("hello")
