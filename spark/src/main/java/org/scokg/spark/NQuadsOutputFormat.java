package org.scokg.spark;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.TextOutputFormat;
import org.apache.hadoop.util.Progressable;

/**
 * Hadoop's text output (one line a record, written and committed by Hadoop's output
 * committer, {@code _SUCCESS} last) with the partitions named for what they hold:
 * {@code part-00000.nq.gz} rather than {@code part-00000.gz}.
 */
public final class NQuadsOutputFormat extends TextOutputFormat<NullWritable, Text> {
    @Override
    public RecordWriter<NullWritable, Text> getRecordWriter(FileSystem ignored, JobConf job, String name, Progressable progress) throws IOException {
        return super.getRecordWriter(ignored, job, name + ".nq", progress);
    }
}
