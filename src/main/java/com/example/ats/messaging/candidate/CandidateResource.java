package com.example.ats.messaging.candidate;

import com.example.ats.messaging.conversation.ConversationService;
import com.example.ats.messaging.rest.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code /candidates}: finding someone to write to, and everything exchanged with a candidate. */
@Singleton
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
public final class CandidateResource {
    private final CandidateSearch search;
    private final ConversationService conversations;

    @Inject
    public CandidateResource(CandidateSearch search, ConversationService conversations) {
        this.search = search;
        this.conversations = conversations;
    }

    @GET
    public CandidateSearch.Results search(@Context ContainerRequestContext request, @QueryParam("q") String query,
                                          @QueryParam("limit") String limit) {
        return search.search(Caller.of(request).user(), query, limit);
    }

    /** One candidate with channel eligibility (an extension of CONTRACT §3, same shape as in search). */
    @GET
    @Path("/{candidateId}")
    public CandidateSearch.Candidate one(@Context ContainerRequestContext request,
                                         @PathParam("candidateId") String candidateId) {
        return search.one(Caller.of(request).user(), candidateId);
    }

    @GET
    @Path("/{candidateId}/communications")
    public ConversationService.MessageList communications(@Context ContainerRequestContext request,
                                                          @PathParam("candidateId") String candidateId,
                                                          @QueryParam("before") String before,
                                                          @QueryParam("limit") String limit) {
        Caller caller = Caller.of(request);
        return conversations.communications(caller.user(), caller.locale(), candidateId, before, limit);
    }
}
