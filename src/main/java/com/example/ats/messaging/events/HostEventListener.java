package com.example.ats.messaging.events;

import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.spi.HostEventTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the host's candidates: a deleted candidate's messages are erased (a minimal record is
 * kept), a merged candidate's conversations move to the survivor. Contact details and consent are
 * read live from the host, so eligibility follows changes without anything stored here.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + HostEventTopics.CANDIDATE_ALL)
public final class HostEventListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HostEventListener.class);

    private final MessagingCore core;

    @Activate
    public HostEventListener(@Reference MessagingCore core) {
        this.core = core;
    }

    @Override
    public void handleEvent(Event event) {
        String candidateId = (String) event.getProperty(HostEventTopics.CANDIDATE_ID);
        if (candidateId == null) {
            LOG.warn("Host event {} without {}; ignored", event.getTopic(), HostEventTopics.CANDIDATE_ID);
            return;
        }
        switch (event.getTopic()) {
            case HostEventTopics.CANDIDATE_DELETED -> {
                int erased = core.conversationStore().eraseCandidate(candidateId);
                LOG.info("Candidate {} deleted in the host: {} messages erased", candidateId, erased);
            }
            case HostEventTopics.CANDIDATE_MERGED -> {
                String into = (String) event.getProperty(HostEventTopics.MERGED_INTO_ID);
                if (into == null) {
                    LOG.warn("Merge event for candidate {} without {}; ignored", candidateId, HostEventTopics.MERGED_INTO_ID);
                    return;
                }
                core.conversationStore().mergeCandidate(candidateId, into);
                LOG.info("Candidate {} merged into {} in the host: conversations moved", candidateId, into);
            }
            default -> LOG.debug("Host event {} for candidate {}: eligibility is read live", event.getTopic(), candidateId);
        }
    }
}
