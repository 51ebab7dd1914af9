package dev.enrichment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    @BotAccess
    static class BotByClass {
        public void plain() {}

        @AdminAccess
        public void admin() {}
    }

    @AdminAccess
    static class AdminByClass {
        @BotAccess
        public void readable() {}
    }

    static class NoRule {
        public void plain() {}
    }

    static class InheritsNoRule extends BotByClass {}

    @Test
    void takesTheClassRuleForAMethodWithoutOne() throws Exception {
        assertThat(AccessRules.requiredRole(method(BotByClass.class, "plain"), BotByClass.class))
                .contains(ApiRole.BOT);
    }

    @Test
    void letsTheMethodRuleWinOverTheClassRule() throws Exception {
        assertThat(AccessRules.requiredRole(method(BotByClass.class, "admin"), BotByClass.class))
                .contains(ApiRole.ADMIN);
        assertThat(AccessRules.requiredRole(method(AdminByClass.class, "readable"), AdminByClass.class))
                .contains(ApiRole.BOT);
    }

    @Test
    void findsNoRuleWhenNeitherSays() throws Exception {
        assertThat(AccessRules.requiredRole(method(NoRule.class, "plain"), NoRule.class))
                .isEmpty();
    }

    @Test
    void fallsBackToTheClassThatDeclaresAnInheritedMethod() throws Exception {
        assertThat(AccessRules.requiredRole(method(InheritsNoRule.class, "plain"), InheritsNoRule.class))
                .contains(ApiRole.BOT);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }
}
