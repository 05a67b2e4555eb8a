package org.tl4j.core.data;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.OutputFactoryProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a domain read from a file: the file name, its SHA-256, what was read from it and the
 * preprocessing applied, so a result can be traced to the exact bytes it came from.
 */
public final class FileDataProvenance implements DataSourceProvenance {
    private static final long serialVersionUID = 1L;

    /** Key of the file name. */
    public static final String FILE = "file";
    /** Key of what was read (e.g. variables). */
    public static final String CONTENT = "content";
    /** Key of the preprocessing. */
    public static final String PREPROCESSING = "preprocessing";

    private final StringProvenance file;
    private final StringProvenance hash;
    private final StringProvenance content;
    private final StringProvenance preprocessing;
    private final OutputFactoryProvenance outputFactory;

    /**
     * @param fileName      the file's name (not its absolute path, which differs between machines)
     * @param sha256        the file's SHA-256
     * @param content       what was read, e.g. {@code fts, labels}
     * @param preprocessing the preprocessing applied
     * @param factory       the output factory
     */
    public <T extends Output<T>> FileDataProvenance(String fileName, String sha256, String content,
                                                    String preprocessing, OutputFactory<T> factory) {
        this.file = new StringProvenance(FILE, fileName);
        this.hash = new StringProvenance(RESOURCE_HASH, sha256);
        this.content = new StringProvenance(CONTENT, content);
        this.preprocessing = new StringProvenance(PREPROCESSING, preprocessing);
        this.outputFactory = factory.getProvenance();
    }

    /** Used by OLCUT's provenance unmarshalling. */
    public FileDataProvenance(Map<String, Provenance> map) {
        String host = FileDataProvenance.class.getSimpleName();
        this.file = ObjectProvenance.checkAndExtractProvenance(map, FILE, StringProvenance.class, host);
        this.hash = ObjectProvenance.checkAndExtractProvenance(map, RESOURCE_HASH, StringProvenance.class, host);
        this.content = ObjectProvenance.checkAndExtractProvenance(map, CONTENT, StringProvenance.class, host);
        this.preprocessing = ObjectProvenance.checkAndExtractProvenance(map, PREPROCESSING, StringProvenance.class, host);
        this.outputFactory = ObjectProvenance.checkAndExtractProvenance(map, OUTPUT_FACTORY, OutputFactoryProvenance.class, host);
    }

    /** The file's SHA-256. */
    public String sha256() {
        return hash.getValue();
    }

    /** The file's name. */
    public String fileName() {
        return file.getValue();
    }

    @Override
    public String getClassName() {
        return FileDataProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> l = new ArrayList<>();
        l.add(new Pair<>(FILE, file));
        l.add(new Pair<>(RESOURCE_HASH, hash));
        l.add(new Pair<>(CONTENT, content));
        l.add(new Pair<>(PREPROCESSING, preprocessing));
        l.add(new Pair<>(OUTPUT_FACTORY, outputFactory));
        return l.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileDataProvenance f && file.equals(f.file) && hash.equals(f.hash)
                && content.equals(f.content) && preprocessing.equals(f.preprocessing)
                && outputFactory.equals(f.outputFactory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, hash, content, preprocessing, outputFactory);
    }

    @Override
    public String toString() {
        return generateString("FileData");
    }
}
