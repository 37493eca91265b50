package io.github.auroramigrate.core.load;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** How a load sends its data: the {@link LoadMethod} asked for, checked against what target and connections allow. */
final class LoadMethodChoice {
    private LoadMethodChoice() {
    }

    /**
     * @return {@code asked}, or for AUTO LOAD_DATA_LOCAL when both the server ({@code local_infile}) and the client's
     *         connections allow it, else INSERT with a LOCAL_INFILE_DISABLED warning added to {@code warnings}
     * @throws LoadException LOCAL_INFILE_DISABLED when LOAD DATA is asked for or the chunks need it and it cannot run
     */
    static LoadMethod resolve(EndpointPool pool, LoadMethod method, LoadSource source, String endpoint,
            List<Diagnosis> warnings) {
        if (method == LoadMethod.INSERT || method == LoadMethod.SERVER_SIDE) {
            return method; // SERVER_SIDE: the load checks the target with the store's own check (ServerSideChunks)
        }
        boolean enabled;
        try (Connection c = pool.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@GLOBAL.local_infile")) {
            rs.next();
            enabled = rs.getInt(1) != 0;
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, endpoint), null, null, e);
        }
        boolean client = clientAllowsLocalInfile(pool, endpoint);
        if (enabled && client) {
            return LoadMethod.LOAD_DATA_LOCAL;
        }
        Diagnosis d = Diagnosis.of(DiagnosisCode.LOCAL_INFILE_DISABLED, (enabled
                ? "the DataSource of " + endpoint + " opens its connections without allowLoadLocalInfile=true"
                : "local_infile is OFF on " + endpoint) + ", so LOAD DATA LOCAL INFILE cannot be used")
                .withEndpoint(endpoint);
        if (method == LoadMethod.LOAD_DATA_LOCAL) {
            throw new LoadException(d, null, null, null);
        }
        String defaults = ChunkFormat.loadDataOptions();
        source.chunks().stream().filter(c -> c.format() == ChunkFormat.FLAT && !c.loadDataOptions().equals(defaults))
                .findFirst().ifPresent(c -> {
                    throw new LoadException(d.withAdvice("The chunks of " + source + " (e.g. " + c.id() + ") are in a "
                            + "format only LOAD DATA reads (" + c.loadDataOptions() + "): set local_infile=ON on the "
                            + "target (on RDS/Aurora in its parameter group)."), c.qualifiedTable(), c.id(), null);
                });
        warnings.add(d.withAdvice("Loading with batched INSERT statements instead (about 3x slower)."));
        return LoadMethod.INSERT;
    }

    /** Whether the connections were opened with allowLoadLocalInfile (the server refuses LOCAL INFILE otherwise). */
    private static boolean clientAllowsLocalInfile(EndpointPool pool, String endpoint) {
        try (Connection c = pool.connection()) {
            return c.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile)
                    .getValue();
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, endpoint), null, null, e);
        }
    }
}
