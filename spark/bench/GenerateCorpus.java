import java.nio.file.Path;

import org.scokg.bench.CorpusGenerator;

/** The bench's generated corpus (bench/, BENCHMARKS.md): GenerateCorpus DIR MEGABYTES SEED. Run by spark/bench/run. */
public class GenerateCorpus {
    public static void main(String[] args) throws Exception {
        CorpusGenerator.Corpus c = new CorpusGenerator(Long.parseLong(args[2])).write(Path.of(args[0]), (long) (Double.parseDouble(args[1]) * 1_000_000));
        System.out.println(c.documents() + " " + c.bytes() + " " + c.chars());
    }
}
