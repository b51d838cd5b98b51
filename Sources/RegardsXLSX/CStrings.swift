import Foundation

/// Runs `body` with C copies of `strings` that live until it returns (libxlsxwriter's option structs
/// hold `char *` fields the call reads).
func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws(XLSXError) -> T) throws(XLSXError) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return try body(copies)
}
