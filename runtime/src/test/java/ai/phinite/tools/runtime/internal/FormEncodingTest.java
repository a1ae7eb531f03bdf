package ai.phinite.tools.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The form serializer: encoding rules and the three array styles. */
class FormEncodingTest {
  private static String form(String json, FormEncoding.Arrays arrays) {
    return FormEncoding.encode(Json.parse(json.replace('\'', '"')), arrays);
  }

  @Test
  void encodesLikeAnHtmlForm() {
    assertThat(form("{'q':'a b+c/d*e~f','n':1.5,'t':true,'e':'é'}", FormEncoding.Arrays.INDEXED))
        .isEqualTo("q=a+b%2Bc%2Fd*e%7Ef&n=1.5&t=true&e=%C3%A9");
  }

  @Test
  void arrayStyles() {
    String json = "{'a':['x','y'],'o':{'l':[1]}}";
    assertThat(form(json, FormEncoding.Arrays.INDEXED))
        .isEqualTo("a%5B0%5D=x&a%5B1%5D=y&o%5Bl%5D%5B0%5D=1");
    assertThat(form(json, FormEncoding.Arrays.BRACKETS))
        .isEqualTo("a%5B%5D=x&a%5B%5D=y&o%5Bl%5D%5B%5D=1");
    assertThat(form(json, FormEncoding.Arrays.REPEATED)).isEqualTo("a=x&a=y&o%5Bl%5D=1");
  }

  @Test
  void nullIsAnEmptyValueAndEmptyContainersSendNothing() {
    assertThat(form("{'a':null,'b':{},'c':[],'d':''}", FormEncoding.Arrays.INDEXED))
        .isEqualTo("a=&d=");
  }

  @Test
  void objectsInsideRepeatedArraysAreRefusedWithTheirPointer() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> form("{'m':{'items':[{'id':1}]}}", FormEncoding.Arrays.REPEATED));
    assertThat(e.problems().get(0).pointer()).isEqualTo("/m/items/0");
    assertThat(e.problems().get(0).message()).contains("cannot send");
  }
}
