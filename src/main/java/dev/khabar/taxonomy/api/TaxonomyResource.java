package dev.khabar.taxonomy.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.khabar.access.Caller;
import dev.khabar.taxonomy.CategoryRepository;
import dev.khabar.taxonomy.TagRepository;
import dev.khabar.taxonomy.Term;

/** Categories and tags with the number of articles the caller may see in each. */
@Path("/api/v1")
@Tag(name = "Taxonomy", description = "Categories and tags.")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    @Inject
    CategoryRepository categories;
    @Inject
    TagRepository tags;
    @Inject
    Caller caller;

    /** The body of both lists. */
    @Schema(name = "TermList")
    public record TermList(List<Term> items) {
    }

    @GET
    @Path("/categories")
    @Transactional
    @Operation(operationId = "listCategories", summary = "List categories",
            description = "Most used first. Anonymous callers see the categories that hold a published article, "
                    + "with published articles counted; a token shows all.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", description = "All categories.", content = @Content(
            schema = @Schema(implementation = TermList.class), examples = @ExampleObject(name = "arabic",
                    value = "{\"items\":[{\"slug\":\"اخبار-سياسية\",\"name\":\"اخبار سياسية\",\"articleCount\":12},"
                            + "{\"slug\":\"sport\",\"name\":\"Sport\",\"articleCount\":3}]}")))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public TermList categories() {
        return new TermList(categories.terms(caller.audience()));
    }

    @GET
    @Path("/tags")
    @Transactional
    @Operation(operationId = "listTags", summary = "List tags",
            description = "Most used first. Anonymous callers see the tags of published articles, with published "
                    + "articles counted; a token shows all.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", description = "All tags.", content = @Content(
            schema = @Schema(implementation = TermList.class), examples = @ExampleObject(name = "arabic",
                    value = "{\"items\":[{\"slug\":\"روسيا\",\"name\":\"روسيا\",\"articleCount\":7},"
                            + "{\"slug\":\"elections\",\"name\":\"Elections\",\"articleCount\":2}]}")))
    @APIResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @APIResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    public TermList tags() {
        return new TermList(tags.terms(caller.audience()));
    }
}
