import Testing
@testable import ContactAnalytics

@Suite struct ObservedRangeTests {
    @Test func dataSpanAndCountedSpanApart() {
        var range = ObservedRange()
        #expect(range.dataStart == nil && range.dataEnd == nil && range.countedFrom == nil && range.countedTo == nil)
        range.include(50, counted: true)
        range.include(10, counted: false)
        range.include(90, counted: false)
        range.include(30, counted: true)
        #expect(range.dataStart == 10)
        #expect(range.dataEnd == 90)
        #expect(range.countedFrom == 30)
        #expect(range.countedTo == 50)
    }
}
