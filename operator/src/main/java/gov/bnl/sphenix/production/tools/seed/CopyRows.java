package gov.bnl.sphenix.production.tools.seed;

import gov.bnl.sphenix.production.catalog.CopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Sends generated rows straight into five COPY streams, one per table. */
final class CopyRows implements CatalogRows, AutoCloseable {

    static final String COPY_RUN = "COPY run (runnumber, runtype, eventsinrun, brtimestamp, ertimestamp) FROM STDIN";
    static final String COPY_HOSTINFO = "COPY hostinfo (runnumber, hostname, serverid) FROM STDIN";
    static final String COPY_FILELIST = """
            COPY filelist (filename, runnumber, hostname, sequence, firstevent, lastevent, transferred_to_sdcc) FROM STDIN""";
    static final String COPY_RAW_DATASETS = "COPY datasets (filename, runnumber, segment, dataset, daqhost, status) FROM STDIN";
    static final String COPY_RAW_FILES = "COPY files (lfn, full_host_name, full_file_path, size, md5, time) FROM STDIN";

    private final CopyWriter runs;
    private final CopyWriter hosts;
    private final CopyWriter daqFiles;
    private final CopyWriter rawDatasets;
    private final CopyWriter rawFiles;

    CopyRows(Connection runConnection, Connection hostConnection, Connection filelistConnection,
             Connection datasetsConnection, Connection filesConnection) throws SQLException {
        runs = new CopyWriter(runConnection, COPY_RUN);
        hosts = new CopyWriter(hostConnection, COPY_HOSTINFO);
        daqFiles = new CopyWriter(filelistConnection, COPY_FILELIST);
        rawDatasets = new CopyWriter(datasetsConnection, COPY_RAW_DATASETS);
        rawFiles = new CopyWriter(filesConnection, COPY_RAW_FILES);
    }

    @Override
    public void run(int run, String runtype, long events, LocalDateTime begin, LocalDateTime end) {
        runs.number(run).text(runtype).number(events).timestamp(begin).timestamp(end).endRow();
    }

    @Override
    public void host(int run, String hostname, int serverId) {
        hosts.number(run).text(hostname).number(serverId).endRow();
    }

    @Override
    public void daqFile(String filename, int run, String hostname, int sequence, long firstEvent, long lastEvent,
                        boolean transferred) {
        daqFiles.text(filename).number(run).text(hostname).number(sequence).number(firstEvent).number(lastEvent)
                .bool(transferred).endRow();
    }

    @Override
    public void rawFile(String filename, int run, int segment, String dataset, String daqhost, int status,
                        String storage, String path, long size, String md5, LocalDateTime time) {
        rawDatasets.text(filename).number(run).number(segment).text(dataset).text(daqhost).number(status).endRow();
        rawFiles.text(filename).text(storage).text(path).number(size).text(md5).timestamp(time).endRow();
    }

    void finish() throws SQLException {
        runs.finish();
        hosts.finish();
        daqFiles.finish();
        rawDatasets.finish();
        rawFiles.finish();
    }

    @Override
    public void close() {
        runs.close();
        hosts.close();
        daqFiles.close();
        rawDatasets.close();
        rawFiles.close();
    }
}
