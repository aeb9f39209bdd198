import Testing
@testable import ContactAnalytics

/// A `String`'s own words: the same value gives the same words, equal long strings in two allocations do not,
/// short strings carry their bytes.
@Suite struct StringStorageWordsTests {
    @Test func wordsTellStorageApart() throws {
        try #require(StringStorageWords.areAvailable)
        let long = String(decoding: Array("Where is my parcel? It has not arrived yet".utf8), as: UTF8.self)
        let copy = long
        let other = String(decoding: Array(long.utf8), as: UTF8.self)
        #expect(other == long)
        #expect(StringStorageWords.of(copy)! == StringStorageWords.of(long)!)
        #expect(StringStorageWords.of(other)! != StringStorageWords.of(long)!)
        // Short strings hold their bytes in the words: equal text, equal words, whatever made them.
        let short = String(decoding: Array("billing".utf8), as: UTF8.self)
        #expect(StringStorageWords.of(short)! == StringStorageWords.of("billing")!)
        #expect(StringStorageWords.of(short)! != StringStorageWords.of("Billing")!)
        #expect(ContactRecord.isSameStorage(long, copy))
        #expect(!ContactRecord.isSameStorage(long, other))
    }
}
