import Testing
@testable import ContactAnalytics

@Suite struct UnclassifiedTermCounterTests {
    @Test func countsWordsAndPhrasesPerContactWithoutStopWords() {
        var counter = UnclassifiedTermCounter()
        counter.add("The parcel locker is broken, parcel locker!")
        counter.add("Pakettiautomaatti ei aukea. Parcel locker 42 again https://x.fi/a?b=1 ping@me.fi")
        counter.add("Hei, kiitos ja moi")
        #expect(counter.contacts == 3)
        let top = counter.top(3)
        #expect(top.map(\.text) == ["locker", "parcel", "parcel locker"])
        #expect(top.map(\.count) == [2, 2, 2])
        #expect(top[2].isPhrase && !top[0].isPhrase)
        #expect(top[0].example == "The parcel locker is broken, parcel locker!")
        let all = counter.top(100)
        let texts = Set(all.map(\.text))
        for absent in ["the", "is", "ei", "hei", "kiitos", "moi", "ja", "42", "https", "fi", "ping", "me", "x"] {
            #expect(!texts.contains(absent), "\(absent) should be left out")
        }
        #expect(texts.contains("pakettiautomaatti aukea") == false)   // "ei" breaks the chain
        #expect(texts.contains("broken"))
        #expect(!texts.contains("broken parcel") && !texts.contains("aukea parcel"))   // punctuation breaks it
        #expect(texts.contains("locker broken") == false)            // "is" breaks the chain
        #expect(counter.top(100, phrases: true).allSatisfy { $0.isPhrase })
        #expect(counter.top(100, phrases: false).allSatisfy { !$0.isPhrase })
    }

    @Test func examplesAreShortened() {
        var counter = UnclassifiedTermCounter(exampleLength: 12)
        counter.add("alpha   beta\ngamma delta epsilon")
        #expect(counter.top(1).first?.example == "alpha beta …")
    }

    @Test func memoryIsBoundedAndFrequentTermsSurvive() {
        var counter = UnclassifiedTermCounter(capacity: 100)
        for i in 0..<500 {
            counter.add("frequent word\(UnicodeScalar(UInt8(97 + i % 26)))x\(String(repeating: "q", count: i % 40 + 1))")
        }
        #expect(counter.distinctTerms <= 100)
        #expect(counter.prunings > 0)
        #expect(counter.top(1).first?.text == "frequent")
        #expect(counter.top(1).first?.count == 500)
    }

    @Test func mergeAddsCounts() {
        var a = UnclassifiedTermCounter(), b = UnclassifiedTermCounter()
        a.add("locker full")
        b.add("locker jammed")
        a.merge(b)
        #expect(a.contacts == 2)
        #expect(a.top(1).first?.text == "locker")
        #expect(a.top(1).first?.count == 2)
    }
}
