package org.claimdesk.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodCallsTest {
  public record Row(String title, List<String> tags) {
    public String topics() {
      return String.join(", ", tags);
    }

    public String failing() {
      throw new IllegalStateException("broken row");
    }

    public String greet(String name) {
      return "hallo " + name;
    }
  }

  /** Not public: its methods are left to the standard resolvers. */
  record Hidden(String title) {}

  private final MethodCalls resolver = new MethodCalls();
  private final Row row = new Row("Russland liefert Munition", List.of("nordkorea", "russland"));

  @Test
  void theOnlyMethodOfItsNameAndArityIsCalled() {
    assertCalled(row.title(), row, "title");
    assertCalled(row.topics(), row, "topics");
    assertCalled("case.status.OPEN", "case.status.", "concat", "OPEN");
    assertCalled(row.tags(), row, "tags", (Object[]) null);
  }

  @Test
  void argumentsAreCoercedAsTheContextCoerces() {
    // the test context turns anything into a String when a String is wanted
    assertCalled("hallo 7", row, "greet", 7);
  }

  @Test
  void everythingElseGoesOnToTheStandardResolvers() {
    for (Object[] call :
        new Object[][] {
          {"abc", "indexOf", new Object[] {"b"}}, // overloaded: indexOf(int), indexOf(String)
          {"abc", "formatted", new Object[] {"x"}}, // varargs
          {String.class, "valueOf", new Object[] {"x"}}, // static
          {new Hidden("x"), "title", new Object[0]}, // not a public class
          {row, "noSuchMethod", new Object[0]},
          {row, "greet", new Object[0]}, // wrong arity
          {null, "title", new Object[0]},
          {row, null, new Object[0]},
        }) {
      ELContext context = new Context();
      assertNull(resolver.invoke(context, call[0], call[1], null, (Object[]) call[2]));
      assertFalse(context.isPropertyResolved(), call[0] + "." + call[1]);
    }
    ELContext context = new Context();
    assertNull(resolver.getValue(context, row, "title"));
    assertFalse(context.isPropertyResolved());
  }

  @Test
  void aFailingMethodFailsAsAnExpressionError() {
    ELException e =
        assertThrows(
            ELException.class,
            () -> resolver.invoke(new Context(), row, "failing", null, new Object[0]));
    assertEquals("broken row", e.getCause().getMessage());
  }

  private void assertCalled(Object expected, Object base, String method, Object... params) {
    ELContext context = new Context();
    assertEquals(expected, resolver.invoke(context, base, method, null, params));
    assertTrue(context.isPropertyResolved(), method);
  }

  private static final class Context extends ELContext {
    @Override
    public <T> T convertToType(Object obj, Class<T> type) {
      return type.cast(type == String.class && obj != null ? String.valueOf(obj) : obj);
    }

    @Override
    public ELResolver getELResolver() {
      return null;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return null;
    }

    @Override
    public VariableMapper getVariableMapper() {
      return null;
    }
  }
}
