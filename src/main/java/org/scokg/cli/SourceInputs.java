package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;

import org.scokg.text.SourceReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The source inputs of `extract` and `build`, and the size above which a file is skipped. */
final class SourceInputs {
    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "64M",
        description = "Skip input files larger than SIZE (e.g. 500k, 64M; default 64M).")
    String maxSize;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Source files or directories.")
    List<Path> inputs;

    /** A reader that enforces --max-size. */
    SourceReader reader() { return new SourceReader(Base.parseSize(maxSize)); }
}
