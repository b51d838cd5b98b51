import Foundation
import RegardsCore

/// Rows handed from the thread that makes them to the thread that writes them, a batch at a time,
/// with at most a few batches waiting (memory stays flat). Either side can stop the other: an
/// error while producing is thrown to the writer, a cancelled writer makes the producer stop.
/// Sendable: every field is read and written under its condition's lock.
final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[[Cell]]] = []
    private var current: [[Cell]] = []
    private var done = false
    private var cancelled = false
    private var failure: (any Error)?
    let columns: Int
    static let batchSize = 512
    static let depth = 8

    struct Cancelled: Error {}

    init(columns: Int) {
        self.columns = columns
        current.reserveCapacity(Self.batchSize)
    }

    /// On the producing thread: runs `produce`, then says it has finished (or failed).
    func run(_ produce: @Sendable (_ emit: ([Cell]) throws -> Void) throws -> Void) {
        do {
            try produce { row in
                precondition(row.count == columns, "row width differs from columns")
                current.append(row)
                if current.count == Self.batchSize { try push() }
            }
            if !current.isEmpty { try push() }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    private func push() throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.depth && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(current)
        current = []
        current.reserveCapacity(Self.batchSize)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        done = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// On the writing thread: the next batch, nil once every row has come; the producer's error, if any.
    func next() throws -> [[Cell]]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !done { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure, !(failure is Cancelled) { throw failure }
        return nil
    }

    /// On the writing thread, after a failure: stops the producer and waits until it has.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
    }
}
