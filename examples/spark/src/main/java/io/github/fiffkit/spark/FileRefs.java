package io.github.fiffkit.spark;

import io.github.fiffkit.anonymize.SplitRecording;
import io.github.fiffkit.core.FiffLimits;
import io.github.fiffkit.core.FiffReader;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What one file says about its neighbours in a split recording: the {@code FIFFB_REF} blocks with the role
 * "previous part" or "next part" (file name and part number), read in place on its file system. Only tag
 * headers and the small reference tags are read, never bulk data.
 *
 * @param uri      the file
 * @param prevName the previous part's file name as written (may carry a path of another machine), or null
 * @param prevNum  the previous part's number, or null
 * @param nextName the next part's file name as written, or null
 * @param nextNum  the next part's number, or null
 * @param hasPrev  whether the file references a previous part
 * @param hasNext  whether the file references a next part
 */
record FileRefs(String uri, String prevName, Integer prevNum, String nextName, Integer nextNum, boolean hasPrev,
        boolean hasNext) implements Serializable {
    /** A file that cannot be read here: a recording of its own (anonymizing it reports the problem). */
    static FileRefs none(String uri) {
        return new FileRefs(uri, null, null, null, null, false, false);
    }

    /**
     * Reads a file's references; a file that cannot be read or breaks the format has none.
     *
     * @param uri  the file
     * @param conf the Hadoop configuration
     * @return its references
     */
    static FileRefs scan(String uri, Configuration conf) {
        try {
            Path p = new Path(uri);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus st = fs.getFileStatus(p);
            String prevName = null;
            Integer prevNum = null;
            String nextName = null;
            Integer nextNum = null;
            boolean hasPrev = false;
            boolean hasNext = false;
            try (FiffReader r = FiffReader.open(new HadoopChannel(fs.open(p), st.getLen()), uri,
                    FiffLimits.DEFAULT)) {
                for (SplitRecording.Reference ref : SplitRecording.references(r)) {
                    if (ref.role() == SplitRecording.ROLE_PREVIOUS && !hasPrev) {
                        hasPrev = true;
                        prevName = ref.name();
                        prevNum = ref.number();
                    } else if (ref.role() == SplitRecording.ROLE_NEXT && !hasNext) {
                        hasNext = true;
                        nextName = ref.name();
                        nextNum = ref.number();
                    }
                }
            }
            return new FileRefs(uri, prevName, prevNum, nextName, nextNum, hasPrev, hasNext);
        } catch (IOException | RuntimeException e) {
            return none(uri);
        }
    }
}
