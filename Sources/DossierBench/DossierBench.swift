/// `dossier-bench`: the benchmark driver behind `make bench` (being written).
@main
enum DossierBench {
    static func main() {
        print("dossier-bench: not yet implemented")
    }
}
