import ArgumentParser
import Foundation
import RegardsCore

do {
    var command = try BenchCommand.parseAsRoot()
    try command.run()
} catch let error as any RegardsErrorConvertible {
    FileHandle.standardError.write(Data("regards-bench: error: \(error.regardsError.description)\n".utf8))
    exit(1)
} catch {
    BenchCommand.exit(withError: error)
}
