import Foundation
@testable import GuideKit
import Testing

/// URLs (RFC 3986), punycode (RFC 3492) and near-miss hosts.
@Suite struct HostTests {
    /// RFC 3492 §7.1 samples, and labels made of look-alikes.
    @Test(arguments: [
        ("egbpdaj6bu4bxfgehfvwxn", "ليهمابتكلموشعربي؟"),
        ("ihqwcrb4cv8a8dqg056pqjye", "他们为什么不说中文"),
        ("3B-ww4c5e180e575a65lsy2b", "3年B組金八先生"),
        ("mnchen-3ya", "münchen"),
        ("wrldfirst-02h", "wоrldfirst"),
    ])
    func punycodeDecodes(_ encoded: String, _ decoded: String) {
        #expect(Punycode.decode(encoded) == decoded)
    }

    @Test func punycodeRejectsGarbage() {
        #expect(Punycode.decode("abc-99999999999999") == nil)
        #expect(Punycode.decode("ü") == nil)
        #expect(Punycode.decodeHost("portal.xn--wrldfirst-02h.com") == "portal.wоrldfirst.com")
    }

    @Test(arguments: [
        ("https://portal.worldfirst.com/login?region=SG", nil),
        ("https://global.1688.com/#/home", nil),
        ("https://1688.com:443/a%20b", nil),
        ("https://1688.com/a b", 18),
        ("https://1688.com/%zz", 17),
        ("https://wоrldfirst.com", 9),
        ("https://1688.com:44a3", 19),
        ("ht tp://1688.com", 2),
    ] as [(String, Int?)])
    func uriParsing(_ url: String, _ problemOffset: Int?) {
        switch URIReference.parse(url) {
        case .success: #expect(problemOffset == nil, "\(url) parses")
        case .failure(let problem): #expect(problem.offset == problemOffset, "\(url): \(problem.message)")
        }
    }

    static let allowed = ["1688.com", "global.1688.com", "portal.worldfirst.com", "www.worldfirst.com"]

    @Test(arguments: [
        ("global1688.com", "global.1688.com", "a missing dot"),
        ("glob.al.1688.com", "global.1688.com", "an extra dot"),
        ("portal.worldfrist.com", "portal.worldfirst.com", "swapped letters"),
        ("portal.worldfirts.com", "portal.worldfirst.com", "swapped letters"),
        ("portal.wordfirst.com", "portal.worldfirst.com", "one character different"),
        ("pоrtal.worldfirst.com", "portal.worldfirst.com", "a look-alike character (‘о’ U+043E for ‘o’)"),
        ("w0rldfirst.com", nil, nil),
        ("www.w0rldfirst.com", "www.worldfirst.com", "a look-alike character (‘0’ U+0030 for ‘o’)"),
        ("www.worIdfirst.com", "www.worldfirst.com", "a look-alike character (‘I’ U+0049 for ‘l’)"),
        ("portal.xn--wrldfirst-02h.com", "portal.worldfirst.com", "punycode that reads as ‘portal.wоrldfirst.com’"),
        ("portal.worldfirst.com.example.net", "portal.worldfirst.com", "‘portal.worldfirst.com’ followed by another domain"),
        ("1688.com", nil, nil),
        ("m.1688.com", nil, nil),
        ("alibaba.com", nil, nil),
        ("example.org", nil, nil),
        ("www.alipay.c0m", "www.alipay.com", "a look-alike character (‘0’ U+0030 for ‘o’)"),
        ("intl.alipay.cn", nil, nil),
    ] as [(String, String?, String?)])
    func nearMisses(_ host: String, _ suggestion: String?, _ reason: String?) {
        let miss = HostCatalog.nearMiss(host, among: Self.allowed)
        #expect(miss?.suggestion == suggestion)
        #expect(miss?.reason == reason)
    }

    @Test func theLessTrustedOfTwoLookAlikeRegistryHostsIsTheSuspect() {
        func link(_ key: String, _ url: String) -> Link {
            let at = SourceLocation(file: "links.yaml", line: 1, column: 1)
            return Link(key: Located(key, at: at), url: Located(url, at: at), service: nil)
        }
        let catalog = HostCatalog(registry: LinkRegistry(entries: [
            link("a", "https://global1688.com"), link("b", "https://global.1688.com"), link("c", "https://global.1688.com/#/home"),
            link("d", "https://pоrtal.worldfirst.com"), link("e", "https://portal.worldfirst.com"),
        ]), configured: [])
        #expect(catalog.suspects.keys.sorted() == ["global1688.com", "pоrtal.worldfirst.com"])
        #expect(catalog.allowed == ["global.1688.com", "portal.worldfirst.com"])
        #expect(catalog.nearMiss("GLOBAL1688.com")?.suggestion == "global.1688.com")
        #expect(catalog.nearMiss("global.1688.com") == nil)
    }
}
