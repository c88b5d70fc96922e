package org.scokg.cli;

import java.nio.file.Path;
import java.util.List;

import org.scokg.text.SourceReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The source inputs of `extract` and `build`, and the size above which a file is skipped. */
final class SourceInputs {
    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "64M",
        description = "Skip input files larger than SIZE (e.g. 500k, 64M; default 64M).")
    String maxSize;

    /** Optional to picocli ({@code build --from-nquads} takes none); {@link #required} checks them. */
    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Source files or directories.")
    List<Path> inputs;

    /** The inputs; a usage error when there are none. */
    List<Path> required(CommandSpec spec) {
        if (inputs == null || inputs.isEmpty()) throw new ParameterException(spec.commandLine(), "Missing required parameter: 'INPUT'");
        return inputs;
    }

    /** A reader that enforces --max-size. */
    SourceReader reader() { return new SourceReader(Base.parseSize(maxSize)); }
}
