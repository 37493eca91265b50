package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.transform.DefinitionEffects;
import io.github.auroramigrate.core.transform.TargetVersion;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in transforms declare what they change in definitions, chains compose the declarations in order, and a
 * custom transform declares nothing; the comparator expects exactly the declared changes.
 */
class DefinitionEffectsTest {
    @Test
    void builtInsDeclareTheirEffectsAndChainsCompose() {
        Transform t = Transforms.renameSchema("shop", "shop2").andThen(Transforms.excludeTables("shop2.audit"))
                .andThen(Transforms.forceInnoDb()).andThen(Transforms.mapCollations(TargetVersion.MYSQL_57))
                .andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_80)).andThen(Transforms.stripDefiners().sqlSecurityInvoker(true));
        DefinitionEffects e = t.definitionEffects();
        assertThat(e.schema("shop")).isEqualTo("shop2");
        assertThat(e.schema("other")).isEqualTo("other");
        assertThat(e.keepsTable("shop", "audit")).isFalse();
        assertThat(e.keepsTable("shop", "orders")).isTrue();
        assertThat(e.engine("MyISAM")).isEqualTo("InnoDB");
        assertThat(e.engine("MEMORY")).isEqualTo("MEMORY");
        assertThat(e.tableOption("MyISAM", "row_format", "FIXED")).isEqualTo("DYNAMIC");
        assertThat(e.tableOption("MyISAM", "pack_keys", "1")).isNull();
        assertThat(e.tableOption("MEMORY", "pack_keys", "1")).isEqualTo("1");
        assertThat(e.collation("utf8mb4_0900_ai_ci")).isEqualTo("utf8mb4_unicode_520_ci");
        assertThat(e.sqlMode("NO_AUTO_CREATE_USER")).isNull();
        assertThat(e.sqlMode("STRICT_TRANS_TABLES")).isEqualTo("STRICT_TRANS_TABLES");
        assertThat(e.sqlSecurity("DEFINER")).isEqualTo("INVOKER");
        assertThat(e.definer("root@localhost")).isNull();
        assertThat(Transforms.replaceDefiners("master@%").definitionEffects().definer("root@localhost")).isEqualTo("master@%");
        assertThat(Transform.named("mine", Transforms.forceInnoDb()).definitionEffects().engine("Aria")).isEqualTo("InnoDB");
        Transform custom = (s, ctx) -> List.of(s);
        assertThat(custom.definitionEffects()).isSameAs(DefinitionEffects.NONE);
    }

    @Test
    void theComparatorExpectsOnlyTheDeclaredChanges() {
        ObjectDefinition source = new ObjectDefinition(ObjectKind.TABLE, "shop", "t",
                Map.of("engine", "MyISAM", "collation", "latin1_swedish_ci", "options", "row_format=FIXED pack_keys=1"),
                List.of(new ObjectDefinition.Part("column", "id", Map.of("type", "int(11)", "position", "1"))));
        ObjectDefinition target = new ObjectDefinition(ObjectKind.TABLE, "shop", "t",
                Map.of("engine", "InnoDB", "collation", "latin1_swedish_ci", "options", "row_format=DYNAMIC"),
                List.of(new ObjectDefinition.Part("column", "id", Map.of("type", "int", "position", "1"))));
        DefinitionSnapshot expected = new DefinitionSnapshot("MYSQL 5.7.22", List.of(source));
        DefinitionSnapshot actual = new DefinitionSnapshot("MYSQL 8.0.31", List.of(target));
        assertThat(new DefinitionComparator(Transforms.forceInnoDb().definitionEffects(), false).compare(expected, actual))
                .isEmpty();
        assertThat(new DefinitionComparator(DefinitionEffects.NONE, false).compare(expected, actual))
                .extracting(ObjectDifference::aspect).containsExactlyInAnyOrder("engine", "options");
        assertThat(expected.transformed(Transforms.renameSchema("shop", "s2").definitionEffects()).objects())
                .extracting(ObjectDefinition::schema).containsExactly("s2");
    }
}
