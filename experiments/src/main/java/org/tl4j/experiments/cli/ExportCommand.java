package org.tl4j.experiments.cli;

import org.tl4j.experiments.table4.FaceNetExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tl export facenet-irv1}: writes FaceNet's Inception-ResNet v1 with seeded random weights as the ONNX model
 * the {@code facenet-irv1} spec runs, after checking ONNX Runtime against DJL, so every machine has one.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a network built in tl4j as ONNX (random weights drawn from --seed), checked against "
                + "ONNX Runtime. Use it with --model facenet-irv1=FILE (tl lfw, tl bench backbone).")
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The network: facenet-irv1 (Inception-ResNet v1, "
            + "160×160 → 512-d).")
    String network;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: ~/.cache/tl4j/models/"
            + "facenet-irv1-seed<SEED>.onnx, or under $XDG_CACHE_HOME).")
    Path out;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (!network.equals("facenet-irv1")) {
            throw new CommandLine.ParameterException(cl, "Unknown network '" + network + "': tl export knows "
                    + "facenet-irv1");
        }
        Path file = out != null ? out : FaceNetExport.defaultFolder().resolve("facenet-irv1-seed" + seed + ".onnx");
        if (Files.exists(file) && !force) {
            throw new CommandLine.ParameterException(cl, file + " already exists: pass --force to replace it or "
                    + "choose another --out");
        }
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cl, "--out " + file + " is a folder: give a file name");
        }
        long t0 = System.nanoTime();
        FaceNetExport.Result r = FaceNetExport.export(seed, file);
        PrintWriter o = cl.getOut();
        o.printf(Locale.ROOT, "Wrote %s (%,d bytes, SHA-256 %s): Inception-ResNet v1, %,d trainable parameters, "
                        + "random weights from seed %d; ONNX Runtime vs DJL max |difference| %.2e (limit %.0e); %.1f s%n",
                r.file(), r.bytes(), r.sha256(), r.parameters(), seed, r.parity(), FaceNetExport.PARITY,
                (System.nanoTime() - t0) / 1e9);
        o.println("Use it: tl lfw --model facenet-irv1=" + r.file() + "   or   tl bench backbone --model facenet-irv1="
                + r.file());
        return 0;
    }
}
