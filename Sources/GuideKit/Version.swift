/// The released version of guidegen, printed by `--version` and sent as the User-Agent.
public let guidegenVersion = "0.1.0"
