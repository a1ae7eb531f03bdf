package ai.phinite.tools.kustomer;

/** Argument descriptions shared by several subtools (annotation values must be constants). */
final class ArgText {
  static final String PAGE = "The page to fetch, starting at 1.";
  static final String PAGE_SIZE_100 = "Items per page, from 1 to 100.";
  static final String PAGE_SIZE_500 = "Items per page, from 1 to 500.";

  /** Kustomer's page-size limits: most lists, and users, teams and search. */
  static final long MAX_PAGE_SIZE = 100;
  static final long MAX_PAGE_SIZE_LARGE = 500;

  /** The most characters Kustomer accepts in a note body. */
  static final int MAX_NOTE_LENGTH = 10240;

  static final String UPDATE_FIELDS = "The attributes to change, sent as the request body as"
      + " given (at least one); a null clears an attribute.";

  private static final String MERGED = ", merged into the request body beside the named"
      + " arguments. A null is sent as null; an entry that repeats a named argument is refused.";

  static final String CUSTOMER_FIELDS = "More customer attributes, e.g. emails"
      + " [{\"email\",\"type\"}], phones [{\"phone\",\"type\"}], externalId, company, locale, tags,"
      + " custom (custom attribute names carry a type suffix such as Str or Num)" + MERGED;
  static final String CONVERSATION_FIELDS = "Conversation attributes, e.g. name, status (open or"
      + " done), priority (1 to 5), assignedUsers, assignedTeams, tags, custom; sent as the request"
      + " body ({} when left out). A null is sent as null.";
  static final String MESSAGE_FIELDS = "More message attributes, e.g. preview (the text),"
      + " subject, meta, sentAt, status (sent, received or error), externalId" + MERGED;
  static final String NOTE_FIELDS = "More note attributes, e.g. userMentions, externalId" + MERGED;
  static final String TASK_FIELDS = "More attributes of the task object, e.g. description,"
      + " externalId, customer, company, data, custom, tags; merged into the request body. A null"
      + " is sent as null; a title entry is refused (the title comes from name).";
  static final String COMPANY_FIELDS = "More company attributes, e.g. externalId, emails, phones,"
      + " urls, locations, tags, custom" + MERGED;
  static final String TAG_FIELDS = "More tag attributes, e.g. color" + MERGED;
  static final String TEAM_FIELDS = "More team attributes, e.g. displayName, icon, members (user"
      + " ids)" + MERGED;
  static final String USER_FIELDS = "More user attributes, e.g. displayName, userType (user,"
      + " machine, limited or hourly), roleGroups, roles, mobile" + MERGED;
  static final String SHORTCUT_FIELDS = "More shortcut attributes, e.g. draft {\"text\": the reply"
      + " in Markdown, with placeholders like {{customer.firstName}}}, categories" + MERGED;

  private ArgText() {}
}
