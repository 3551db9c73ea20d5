// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "guidegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "guidegen", targets: ["guidegen"]),
        .library(name: "GuideKit", targets: ["GuideKit"]),
        // libFuzzer targets (`make fuzz`); built normally, it replays a corpus.
        .executable(name: "guidegen-fuzz", targets: ["GuideFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The CommonMark reference library, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libcurl, loaded only when `validate --online` sends its first request.
        .target(name: "CCurlShim"),
        // syncfs(2) and mallopt(3), which Swift's Glibc module does not export (Linux only).
        .systemLibrary(name: "CGlibcExtras"),
        .target(
            name: "GuideKit",
            dependencies: [
                "CCmark",
                "CCurlShim",
                .target(name: "CGlibcExtras", condition: .when(platforms: [.linux])),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "guidegen",
            dependencies: [
                "GuideKit",
                .target(name: "CGlibcExtras", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "GuideFuzz",
            dependencies: ["GuideKit"]
        ),
        .testTarget(
            name: "GuideKitTests",
            dependencies: ["GuideKit", "guidegen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
