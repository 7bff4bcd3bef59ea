package io.vixlab.ingest.api;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.ingest.service.BarService;
import io.vixlab.ingest.service.IngestRunView;
import io.vixlab.ingest.service.IngestService;
import io.vixlab.kit.rest.InvalidParameterException;
import io.vixlab.kit.rest.Problems;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A symbol's stored bars over a date range ({@code from}, {@code to}: ISO dates, inclusive, optional), as JSON
 * (the {@code market.bars} event layout) or as CSV ({@code Accept: text/csv}); and operators' repairs over a
 * range (both dates required): {@code DELETE} removes the bars, {@code POST .../restore} puts back the versions
 * a run replaced or deleted last. A repair is recorded and answered as a run, and published so consumers rebuild;
 * in production it needs the API key, like every state-changing request.
 */
@Path("/api/bars/{symbol}")
public class BarResource {

    public static final String TEXT_CSV = "text/csv";

    private final BarService bars;
    private final IngestService ingest;

    public BarResource(BarService bars, IngestService ingest) {
        this.bars = bars;
        this.ingest = ingest;
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public IngestRunView delete(@PathParam("symbol") String symbol, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Range range = requiredRange(from, to);
        return ingest.deleteBars(symbol.toUpperCase(Locale.ROOT), range.from(), range.to());
    }

    @POST
    @Path("/restore")
    @Produces(MediaType.APPLICATION_JSON)
    public IngestRunView restore(@PathParam("symbol") String symbol, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Range range = requiredRange(from, to);
        return ingest.restoreBars(symbol.toUpperCase(Locale.ROOT), range.from(), range.to());
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    private static Range requiredRange(String from, String to) {
        for (String[] parameter : new String[][] {{"from", from}, {"to", to}}) {
            if (parameter[1] == null || parameter[1].isBlank()) {
                throw new InvalidParameterException(parameter[0], "required: a repair names its first and last day");
            }
        }
        List<Problems.InvalidParam> invalid = new ArrayList<>();
        Optional<LocalDate> first = date("from", from, invalid);
        Optional<LocalDate> last = date("to", to, invalid);
        if (!invalid.isEmpty()) {
            throw new InvalidParameterException(invalid.get(0).name(), invalid.get(0).reason());
        }
        if (first.orElseThrow().isAfter(last.orElseThrow())) {
            throw new InvalidParameterException("to", "must not be before from (" + from + ")");
        }
        return new Range(first.get(), last.get());
    }

    /**
     * JSON unless the client prefers CSV: the Accept header's types are tried in order of preference, and
     * {@code *}{@code /*} or no header at all means JSON. CSV is {@code DATE,OPEN,HIGH,LOW,CLOSE} with ISO dates,
     * as the ingest reads it back; open, high and low are empty for close-only series.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    public Response read(@PathParam("symbol") String symbol, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        return prefersCsv(headers)
                ? answer(symbol, from, to, bars -> Response.ok(csvOf(bars), TEXT_CSV).build())
                : answer(symbol, from, to, bars -> Response.ok(bars, MediaType.APPLICATION_JSON).build());
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(TEXT_CSV))) {
                return true;
            }
        }
        return false;
    }

    private Response answer(String symbol, String from, String to, Function<List<MarketBar>, Response> answer) {
        List<Problems.InvalidParam> invalid = new ArrayList<>();
        Optional<LocalDate> first = date("from", from, invalid);
        Optional<LocalDate> last = date("to", to, invalid);
        if (invalid.isEmpty() && first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            invalid.add(new Problems.InvalidParam("to", "must not be before from (" + from + ")"));
        }
        if (!invalid.isEmpty()) {
            return Problems.badRequest("the request is invalid", invalid);
        }
        String normalized = symbol.toUpperCase(Locale.ROOT);
        return bars.range(normalized, first, last).map(answer)
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no bars of symbol " + normalized));
    }

    private static Optional<LocalDate> date(String name, String value, List<Problems.InvalidParam> invalid) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            invalid.add(new Problems.InvalidParam(name, "'" + MessageLimits.quoted(value) + "' is not a date; expected YYYY-MM-DD"));
            return Optional.empty();
        }
    }

    private static String csvOf(List<MarketBar> bars) {
        StringBuilder csv = new StringBuilder("DATE,OPEN,HIGH,LOW,CLOSE\n");
        for (MarketBar bar : bars) {
            csv.append(bar.date()).append(',').append(text(bar.open())).append(',').append(text(bar.high()))
                    .append(',').append(text(bar.low())).append(',').append(bar.close()).append('\n');
        }
        return csv.toString();
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}
