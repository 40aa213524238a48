// swift-tools-version:6.0
// PendCheck: prior-authorization documentation checker for interventional pain procedures.
//
// The targets mirror the pipeline: Extraction → Language → Facts → Matching → Reports,
// with Review assembling them, Intake and Evaluation built on Review, and `pendcheck`
// the command line at the edge. C libraries are reached only through the thin `C…`
// system-library targets and the small C shims.
import PackageDescription

/// Where `poppler-page.h` finds `<cairo.h>`: Debian's `libcairo2-dev` puts it there on every
/// architecture. cairo's pkg-config entry, which says so, would also link cairo.
let cairoHeaders = ["-I/usr/include/cairo"]

let package = Package(
  name: "PendCheck",
  products: [
    .executable(name: "pendcheck", targets: ["pendcheck"])
  ],
  targets: [
    // poppler-glib's and cairo's headers, and glib's functions, which are linked. poppler-glib
    // itself is loaded at run time (`CPopplerShim`): its pkg-config entry would link it, so
    // only glib's is named, and cairo's headers are found by the path Debian installs them at.
    .systemLibrary(
      name: "CPoppler",
      pkgConfig: "gobject-2.0",
      providers: [.apt(["libpoppler-glib-dev"])]
    ),
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    // Foundation carries its own ICU; the system ICU is only reachable through this C shim,
    // whose public header uses plain C types (see ../shared/platform/NOTES.md).
    .target(name: "ICUShim", dependencies: ["CICU"]),
    // Tesseract is loaded with dlopen on the first page that needs OCR, never linked: most
    // runs meet no scanned page and should not pay its start-up (only its header is used).
    .target(name: "COCRShim", linkerSettings: [.linkedLibrary("dl")]),
    // poppler-glib is loaded with dlopen too, the first time a process opens a PDF: linked,
    // its libraries cost every process 7 ms before `main`, the watcher's included, which
    // never reads a PDF. `CPoppler` gives its header and glib's functions.
    .target(
      name: "CPopplerShim", dependencies: ["CPoppler"],
      cSettings: [.unsafeFlags(cairoHeaders)], linkerSettings: [.linkedLibrary("dl")]),
    // `syncfs`, which flushes a group of reports in one call, and `memfd_create`, where a
    // worker tells which document it reads, are GNU extensions that Swift's Glibc module
    // leaves out.
    .target(name: "CFileSystem"),
    // SHA-256 on the processor's SHA extensions (a tenth of the instructions of the portable
    // rounds), for the content fingerprints the watcher takes of every case.
    .target(name: "CDigest"),
    .target(name: "Model"),
    .target(
      name: "Extraction",
      dependencies: ["Model", "CPoppler", "CPopplerShim", "ICUShim", "COCRShim"],
      swiftSettings: [.unsafeFlags(cairoHeaders.flatMap { ["-Xcc", $0] })]),
    .target(name: "Language", dependencies: ["Model", "ICUShim"]),
    .target(name: "Facts", dependencies: ["Model", "Language"], exclude: ["README.md"]),
    .target(name: "Matching", dependencies: ["Model"]),
    .target(name: "Guidelines", dependencies: ["Model", "Matching"]),
    .target(name: "Reports", dependencies: ["Model", "CFileSystem"]),
    .target(
      name: "Review",
      dependencies: ["Model", "Extraction", "Language", "Facts", "Matching", "Guidelines"]
    ),
    .target(name: "Evaluation", dependencies: ["Model", "Review", "Reports"]),
    .target(
      name: "Intake", dependencies: ["Model", "Review", "Reports", "CFileSystem", "CDigest"]),
    .executableTarget(
      name: "pendcheck",
      dependencies: ["Model", "Extraction", "Review", "Reports", "Evaluation", "Intake"]
    ),
    .testTarget(name: "ModelTests", dependencies: ["Model"]),
    .testTarget(name: "ExtractionTests", dependencies: ["Model", "Extraction"]),
    .testTarget(name: "LanguageTests", dependencies: ["Model", "Language", "ICUShim"]),
    .testTarget(name: "FactsTests", dependencies: ["Model", "Language", "Facts"]),
    .testTarget(name: "MatchingTests", dependencies: ["Model", "Matching", "Guidelines"]),
    .testTarget(name: "ReportsTests", dependencies: ["Model", "Reports", "Extraction"]),
    .testTarget(
      name: "EvaluationTests",
      dependencies: ["Model", "Evaluation", "Review", "Reports", "Language"]),
    .testTarget(name: "IntakeTests", dependencies: ["Model", "Intake"]),
    .testTarget(name: "CLITests", dependencies: ["Model"]),
  ]
)
