@testable import GuideKit
import Testing

@Suite struct OnlineHTMLAnchorsTests {
    @Test func findsIdsAndNamesInEveryQuotingStyle() {
        let anchors = HTMLAnchors(html: """
            <!DOCTYPE html><html><body>
            <h2 id="double">x</h2><h3 ID='single'>y</h3><p id=bare class=c>z</p>
            <a name="anchor"></a><section data-id="not-this" id = "spaced"></section>
            <div id="a&amp;b"></div>
            </body></html>
            """)
        for fragment in ["double", "single", "bare", "anchor", "spaced", "a&b"] {
            #expect(anchors.contains(fragment: fragment), "\(fragment)")
        }
        #expect(!anchors.contains(fragment: "not-this"))
        #expect(!anchors.contains(fragment: "c"))
    }

    @Test func ignoresCommentsScriptsAndStyles() {
        let anchors = HTMLAnchors(html: """
            <!-- <div id="commented"></div> -->
            <script>document.write('<div id="scripted"></div>')</script>
            <style>#styled { color: red }</style><div id="real"></div>
            """)
        #expect(anchors.names == ["real"])
    }

    @Test func decodesPercentEncodedFragmentsAndKnowsTop() {
        let anchors = HTMLAnchors(html: #"<h2 id="ödeme-adımları">Ödeme</h2>"#)
        #expect(anchors.contains(fragment: "%C3%B6deme-ad%C4%B1mlar%C4%B1"))
        #expect(anchors.contains(fragment: "ödeme-adımları"))
        #expect(anchors.contains(fragment: "top"))
        #expect(anchors.contains(fragment: ""))
    }

    @Test func clientRoutesAreNotAnchors() {
        #expect(HTMLAnchors.isClientRoute("/home"))
        #expect(HTMLAnchors.isClientRoute("!/home"))
        #expect(!HTMLAnchors.isClientRoute("home"))
    }
}
