package io.vixlab.report.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the live page that a study changed: the consumers call {@link #changed} once an event of the
 * study is stored, and every open live page's stream (a server-sent event each) learns of it at once.
 * In process only: a page sees the changes of the report-service instance it is connected to.
 */
@ApplicationScoped
public class StudyChanges {

    private final BroadcastProcessor<String> studies = BroadcastProcessor.create();

    /** The study's stored events changed; called after they are committed. */
    public void changed(String studyId) {
        studies.onNext(studyId);
    }

    /** The ids of studies as they change, from the moment of subscription. */
    public Multi<String> stream() {
        return studies;
    }
}
