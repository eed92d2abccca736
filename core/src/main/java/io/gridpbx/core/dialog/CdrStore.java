package io.gridpbx.core.dialog;

import java.util.List;

/** Where ended calls are kept for reports and billing. */
public interface CdrStore {

    void record(Cdr cdr);

    /** CDRs of client domains at or below {@code domain}, started in [from, to). */
    List<Cdr> within(String domain, long fromMillis, long toMillis);
}
