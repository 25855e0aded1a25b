// SPDX-License-Identifier: MPL-2.0
// The table of finding kinds (in the order of check::K) and what is made of it.
#include "check/kinds.hpp"

#include "msoko/form_layout.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <set>

namespace msoko {

const char* check::form_text(std::string_view text) {
    static std::mutex mutex;
    static std::deque<std::string> texts;  // stable addresses for the table's texts
    const std::pair<std::string_view, const char*> names[] = {
        {"{#passport}", kPassportSheet},
        {"{#register}", kRegisterSheet},
        {"{#indicators}", kIndicatorsSheet},
        {"{#procedures}", kProceduresSheet},
        {"{#period}", PassportLayout::label_of(kPassportPeriod)},
        {"{#catalogue_version}", PassportLayout::label_of(kPassportCatalogueVersion)}};
    std::string out(text);
    for (const auto& [token, name] : names)
        for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at))
            out.replace(at, token.size(), name);
    const std::lock_guard lock(mutex);
    return texts.emplace_back(std::move(out)).c_str();
}

namespace {

using F = CheckFamily;
using check::form_text;
constexpr Severity E = Severity::Error, W = Severity::Warning, I = Severity::Info;

// A message's {организация} is «Организация 101» or «Муниципальный уровень».
const std::vector<FindingKind> kKinds = {
    // --- identity
    {"form.not_a_form", "form.identity", F::Identity, E,
     form_text(
         "Книга не является формой сбора данных МСОКО: нет листа «{#passport}» с кодом каталога показателей. Создайте "
         "форму: Данные → МСОКО → Создать форму сбора данных."),
     "В паспорте нет кода каталога показателей: книга не является формой; дальше не проверяется."},
    {"form.identity", "form.identity", F::Identity, E,
     "Форма составлена по другому каталогу показателей («{каталог формы}»), а установлен «{каталог}». Проверка по "
     "чужому каталогу невозможна.",
     "Код каталога в паспорте не совпадает с установленным каталогом; дальше не проверяется."},
    {"form.version", "form.version", F::Identity, E,
     "Форма версии каталога {версия формы}, а установлена версия {версия}. Создайте форму новой версии и "
     "перенесите в неё данные.",
     form_text("{#catalogue_version} в паспорте не совпадает с установленной; дальше не проверяется.")},
    {"form.older_version", "form.version", F::Identity, E,
     "Форма прежней версии каталога ({версия формы}), а установлена версия {версия}. Перенесите её данные в форму "
     "новой версии: Данные → МСОКО → Перенести в новую версию формы (в командной строке: msoko migrate СТАРАЯ.ods "
     "НОВАЯ.ods); эта книга при переносе не изменяется.",
     form_text("{#catalogue_version} в паспорте старше установленной: форма переносится в новую версию командой "
               "«Перенести в новую версию формы»; дальше не проверяется.")},
    {"passport.period", "passport.period", F::Identity, I,
     form_text("{#period} не распознан (ожидается вида «2024/2025 учебный год»): даты документов не сверяются с "
               "периодом."),
     form_text("{#period} паспорта не читается как пара лет; даты документов тогда не сверяются с ним.")},
    // --- passport
    {"passport.required", "passport.required", F::Passport, E,
     form_text("Не заполнено «{поле}» в паспорте формы (лист «{#passport}»)."),
     "Обязательное сведение паспорта не заполнено: муниципалитет, субъект, период, ответственный, дата, число "
     "организаций каждого типа."},
    {"passport.contact", "passport.required", F::Passport, E,
     "Не указаны ни телефон, ни электронная почта ответственного за заполнение: укажите хотя бы одно, чтобы центр "
     "мониторинга мог связаться с ним.",
     "В паспорте нет ни телефона, ни электронной почты ответственного."},
    {"passport.count", "passport.count", F::Passport, E, "«{поле}» в паспорте: {причина}.",
     "Число организаций типа в паспорте — не целое неотрицательное число."},
    {"passport.date", "passport.date", F::Passport, E,
     "«{поле}» в паспорте: нужна дата в виде ДД.ММ.ГГГГ, а в ячейке «{значение}».",
     "Дата заполнения в паспорте не читается как дата."},
    // --- structure
    {"structure.sheet_extra", "structure.sheet_extra", F::Structure, W,
     "Лишний лист «{лист}»: его нет в форме, региональный центр его не прочитает. Перенесите нужные данные в поля "
     "формы или удалите лист перед отправкой.",
     "В книге есть лист, которого нет в форме."},
    {"structure.sheet_order", "structure.sheet_order", F::Structure, I,
     "Лист «{лист}» перемещён: в форме он стоит {место}. Данные читаются по именам листов, но верните порядок "
     "формы, чтобы книгу было легко сверить.",
     "Лист формы стоит не на своём месте: сообщение называет место, где он стоит в форме."},
    {"structure.register_missing", "structure.sheet", F::Structure, E,
     form_text("Нет листа «{#register}»: он удалён или переименован."), "В книге нет реестра организаций."},
    {"structure.sheet", "structure.sheet", F::Structure, E,
     "Нет листа направления «{лист}»: он удалён или переименован.",
     "В книге нет листа направления (ни под его именем, ни под его номером); лист не проверяется."},
    {"structure.indicators_missing", "structure.sheet", F::Structure, E,
     form_text("Нет листа «{#indicators}»: он удалён или переименован. Создайте форму заново и перенесите данные."),
     form_text("В книге нет листа «{#indicators}».")},
    {"structure.sheet_name", "structure.sheet_name", F::Structure, W,
     "Лист направления {направление} переименован: ожидалось «{лист}».",
     "Лист направления найден по номеру направления, но назван иначе, чем в форме."},
    {"structure.column", "structure.column", F::Structure, E,
     "Нет столбца «{поле}» (код {код}): столбец удалён или код в строке кодов изменён.",
     "В строке кодов листа направления нет кода поля; значения листа тогда не проверяются."},
    {"structure.column_extra", "structure.column_extra", F::Structure, W,
     "Лишний столбец с кодом «{код}»: столбец вставлен или его код изменён.",
     "В строке кодов листа направления есть код, которого нет в форме."},
    {"structure.column_order", "structure.column_order", F::Structure, W,
     "Столбцы переставлены: функции находят поля по кодам, но порядок отличается от формы.",
     "Столбцы листа направления стоят не в порядке формы."},
    // --- register
    {"register.duplicate_code", "register.duplicate_code", F::Register, E,
     "Код организации {код} повторяется (впервые в строке {строка}): у каждой организации свой код.",
     "Один код организации дважды в реестре."},
    {"register.duplicate_name", "register.duplicate_name", F::Register, E,
     "Наименование повторяет организацию из строки {строка}.",
     "Два одинаковых полных наименования в реестре (без учёта регистра)."},
    {"register.name_missing", "register.name_missing", F::Register, E,
     "У организации {код} не указано полное наименование.", "Организация реестра без полного наименования."},
    {"register.count", "register.count", F::Register, E,
     form_text("В паспорте указано {тип}: {в паспорте}, а в реестре «{#register}» — {в реестре}."),
     "Число организаций одного типа в паспорте не равно их числу в реестре."},
    {"register.unknown_code", "register.unknown_code", F::Register, E,
     form_text("Организации с кодом {код} нет в реестре «{#register}»."),
     "На листе направления строка организации, которой нет в реестре."},
    {"register.empty", "register.empty", F::Register, E,
     form_text(
         "Реестр «{#register}» пуст, поэтому {строк} строк с данными на листах направлений остались без организации. "
         "Заполните реестр (код, наименование, тип): строки листов направлений берут организации из него."),
     "Данные на листах направлений есть, а реестр пуст: одно замечание вместо одного на каждую строку."},
    {"register.none", "register.none", F::Register, E,
     form_text("В реестре «{#register}» нет ни одной организации. Внесите организации муниципалитета (код, "
               "наименование, тип): без них форма не содержит данных организаций."),
     "Реестр пуст, и на листах направлений нет данных организаций."},
    {"register.row_without_code", "register.row_without_code", F::Register, E,
     form_text("В строке есть данные, но нет организации: заполните её в реестре «{#register}»."),
     "Строка листа направления с данными, но без кода организации."},
    {"register.rows_without_code", "register.row_without_code", F::Register, E,
     form_text("В строке есть данные, но нет организации: заполните её в реестре «{#register}». Таких строк на листе: "
               "{строк} (первая — эта)."),
     "Несколько таких строк на листе: одно замечание у первой, с их числом."},
    // --- a sub-form's register
    {"subform.organisation_missing", "subform.organisation_missing", F::Register, E,
     form_text("В реестре «{#register}» формы организации нет организации {код формы}, для которой она сделана (её "
               "код — в паспорте, в блоке «Форма организации»). Не меняйте реестр формы организации: верните строку "
               "или попросите муниципалитет сделать форму заново."),
     "Реестр формы организации пуст: в нём нет организации, для которой она сделана."},
    {"subform.other_organisation", "subform.other_organisation", F::Register, E,
     "В реестре формы организации — организация {код}, а форма сделана для организации {код формы} (блок «Форма "
     "организации» в паспорте). Верните код организации, как было: муниципалитет не примет форму с другой "
     "организацией.",
     "В реестре формы организации другая организация, не та, для которой она сделана."},
    {"subform.extra_organisation", "subform.other_organisation", F::Register, E,
     "Лишняя организация {код} в реестре формы организации: форма сделана для одной организации ({код формы}). "
     "Удалите эту строку: данные другой организации вносятся в её собственную форму.",
     "В реестре формы организации больше одной организации."},
    // --- cells
    {"type.error_code", "type.error_value", F::Cells, E,
     form_text(
         "Ячейка кода организации показывает ошибку вычисления, поэтому строку нельзя прочитать. Код берётся из "
         "реестра «{#register}»: проверьте реестр и верните формулу (Правка → Отменить) или создайте форму заново."),
     "Формула кода организации на листе направления показывает ошибку; строка не читается."},
    {"type.error_formula", "type.error_value", F::Cells, E,
     form_text(
         "{организация}: ячейка рассчитывается формой, но показывает ошибку вычисления. Проверьте строку организации "
         "в реестре «{#register}» и верните формулу (Правка → Отменить) или создайте форму заново."),
     "Рассчитываемая формой ячейка (наименование, тип, признаки) показывает ошибку."},
    {"form.formula_overwritten", "form.formula_overwritten", F::Cells, E,
     "Формула заменена введённым значением: ячейка рассчитывается формой (берётся из реестра). Верните формулу "
     "(Правка → Отменить) или создайте форму заново.",
     "В ячейку, которую форма берёт из реестра (код, наименование, тип, признаки), введено значение."},
    {"form.linked_overwritten", "form.formula_overwritten", F::Cells, E,
     "Формула заменена введённым значением: ячейка рассчитывается формой (берётся с листа «{лист}»). Верните "
     "формулу (Правка → Отменить) или создайте форму заново.",
     "В ячейку, которую форма берёт с листа другого направления, введено значение."},
    {"type.error_value", "type.error_value", F::Cells, E,
     "{организация}, «{поле}»: в ячейке ошибка вычисления вместо значения.",
     "В ячейке поля ошибка вычисления (#ДЕЛ/0!, #ЗНАЧ! …)."},
    {"type.count", "type.count", F::Cells, E, "{организация}, «{поле}»: {причина}{подсказка}.",
     "Поле-количество: не целое неотрицательное число или вне допустимого диапазона; для текста — подсказка, "
     "какое число, возможно, имелось в виду."},
    {"type.number", "type.number", F::Cells, E, "{организация}, «{поле}»: {причина}{подсказка}.",
     "Числовое поле: не число или вне допустимого диапазона; для текста — подсказка."},
    {"type.yes_no", "type.yes_no", F::Cells, E, "{организация}, «{поле}»: {причина}.",
     "Поле «да/нет»: ответ не «да» и не «нет»."},
    {"required", "required", F::Cells, E, "{организация}: не заполнено обязательное поле «{поле}».",
     "Пустое обязательное поле (только у организаций тех типов, которых поле касается)."},
    {"type.link", "type.link", F::Cells, E, "{организация}, «{поле}»: ссылка должна иметь вид https://сайт/путь.",
     "Поле-ссылка не похоже на адрес сайта."},
    // --- rules
    {"rule.part_whole", "{направление}/part_whole", F::Rules, E,
     "{организация}: «{часть}» ({значение части}) больше, чем «{целое}» ({значение целого}): часть не может быть "
     "больше целого.",
     "Правило каталога «часть не больше целого» (и каждая доля показателя: числитель не больше знаменателя)."},
    {"rule.sum_equals", "{направление}/sum_equals", F::Rules, E,
     "{организация}: «{итог}» ({значение}) не равно сумме частей ({сумма}).",
     "Правило каталога «итог равен сумме частей»; проверяется, когда заполнены все части и итог."},
    {"rule.sum_within", "{направление}/sum_within", F::Rules, E,
     "{организация}: {части} — больше, чем {целое}; по правилу каталога сумма частей не больше целого.",
     "Правило каталога «сумма частей не больше целого» (или «часть не больше суммы»): каждое слагаемое названо со "
     "своим значением; проверяется, когда заполнены все поля правила. Замечание — у первой части."},
    {"rule.same_value", "{направление}/same_value", F::Rules, E,
     "{организация}: «{поле}» ({значение}) не совпадает с тем же числом на листе «{лист}» ({там}).",
     "Правило каталога «одно и то же число на разных листах»."},
    {"rule.implies", "{направление}/implies", F::Rules, E,
     "{организация}: «{если}»{где} — {условие}, поэтому «{то}» должно быть {требование}, а в ячейке {значение}.",
     "Правило каталога «если …, то …»: ответ «да»/«нет» или число больше порога в одном поле требует ответа или "
     "числа в другом. Замечание — у второго поля."},
    {"rule.covers_register", "{направление}/covers_register", F::Rules, E,
     form_text("{организация}: «{поле}» ({значение}) меньше числа организаций в реестре «{#register}» ({типы}): "
               "{число}."),
     "Правило каталога «муниципальное число не меньше числа организаций реестра» (например, руководителей не "
     "меньше, чем организаций)."},
    {"rule.covers_register_sum", "{направление}/covers_register", F::Rules, E,
     "{организация}: «{поле}» ({значение}) меньше суммы {слагаемые} по организациям ({сумма}{лист}).",
     "Правило каталога «муниципальное число не меньше суммы по организациям»; суммируются заполненные значения "
     "организаций."},
    {"rule.requires_evidence", "{направление}/requires_evidence", F::Rules, E,
     "{организация}: ответ «да» в поле «{признак}» требует заполнить «{поле}».",
     "Правило каталога «ответ „да“ подтверждается документом»: поле подтверждения пусто."},
    {"rule.evidence_date", "{направление}/requires_evidence", F::Rules, E,
     "{организация}, «{поле}»: дата {дата} вне отчётного периода {начало}–{конец}.",
     "Дата подтверждающего документа позже конца отчётного периода паспорта (31 августа); более ранний, ещё "
     "действующий документ допустим."},
    {"rule.evidence_date_old", "{направление}/requires_evidence", F::Rules, I,
     "{организация}, «{поле}»: документ от {дата} издан более чем за пять лет до начала отчётного периода "
     "({начало}); убедитесь, что он действует.",
     "Дата подтверждающего документа раньше начала отчётного периода более чем на пять лет: принимается, "
     "но стоит проверить, действует ли документ."},
    // --- «Показатели»
    {"form.indicator_overwritten", "form.formula_overwritten", F::Indicators, E,
     "Показатель {показатель}: {что} вручную вместо формулы — региональный центр получит не рассчитанное формой "
     "значение. Верните формулу (Правка → Отменить) или создайте форму заново и перенесите данные.",
     "Значение или динамика показателя введены вместо формулы формы."},
    {"indicators.last_year", "type.number", F::Indicators, E,
     "Показатель {показатель}, значение прошлого года: {причина}{подсказка}.",
     "Значение прошлого года: ошибка, текст вместо числа, меньше 0 или, для процентов, больше 100."},
    // --- «Процедуры оценки»
    {"procedures.sheet_missing", "procedures.sheet_missing", F::Procedures, I,
     form_text("В форме нет листа «{#procedures}»: форма создана прежней версией программы. Чтобы сообщить "
               "региональному центру процедуры оценки качества образования муниципалитета, создайте пустую форму "
               "(Данные → МСОКО → Создать форму сбора данных…), затем в этой книге вставьте из неё лист "
               "«{#procedures}» (Лист → Вставить лист из файла…) после листа «{#indicators}» и заполните его."),
     form_text("В книге нет листа «{#procedures}» (форма прежней версии программы): к сведению, форма готова к "
               "отправке и без него.")},
    {"procedures.required", "procedures.required", F::Procedures, E, "{процедура}: не заполнено «{поле}».",
     "В заполненной строке процедуры пусто одно из обязательных полей: наименование, объект оценки, уровень, кто "
     "проводит, утверждающий документ."},
    {"procedures.object", "procedures.object", F::Procedures, E,
     "{процедура}: объект оценки «{значение}» — не направление МСОКО каталога. Выберите направление из "
     "списка ячейки (например, «{пример}»).",
     "Объект оценки процедуры не называет ни одного направления каталога."},
    {"procedures.level", "procedures.level", F::Procedures, E,
     "{процедура}: уровень «{значение}» не из списка — «муниципальный» или «институциональный».",
     "Уровень процедуры — не «муниципальный» и не «институциональный»."},
    {"procedures.document_number", "procedures.document_number", F::Procedures, E,
     "{процедура}: в утверждающем документе «{значение}» нет номера. Укажите вид и номер документа, "
     "например «Приказ УО № 45-од»; дату — в столбце «Дата документа».",
     "Утверждающий документ процедуры без номера («№ …»)."},
    {"procedures.date", "procedures.date", F::Procedures, E,
     "{процедура}: дата документа «{значение}» не читается как дата; нужна дата в виде ДД.ММ.ГГГГ.",
     "Дата утверждающего документа — не дата."},
    {"procedures.date_range", "procedures.date", F::Procedures, E, "{процедура}: дата документа {дата} {причина}.",
     "Дата утверждающего документа позже дня проверки или раньше 1990 года."},
    // --- plausibility
    {"plausibility.dynamics", "plausibility.dynamics", F::Plausibility, W,
     "Показатель {показатель} изменился на {изменение} п. п. за год (было {было}){оценка}: проверьте данные или "
     "поясните изменение.",
     "Процентный показатель изменился за год больше чем на порог в процентных пунктах (по умолчанию 10; "
     "Сервис → Параметры → LibreOffice Calc → МСОКО); изменение названо улучшением или ухудшением, если "
     "каталог говорит, что для показателя лучше — выше или ниже."},
    {"plausibility.zero_base", "plausibility.zero_base", F::Plausibility, W,
     "{организация}: «{знаменатель}» — 0, а «{числитель}» — {число}. Показатель {показатель} для организации не "
     "рассчитывается, но эти {число} входят в муниципальную сумму: проверьте данные.",
     "Показатель «на одного человека»: числитель больше 0 при нулевом знаменателе."},
    {"plausibility.small_base", "plausibility.small_base", F::Plausibility, I,
     "{организация}: показатель {показатель} равен {доля} % при знаменателе {знаменатель} (меньше {порог} человек): "
     "доля неустойчива, сравнивайте осторожно.",
     "Доля 0 % или 100 % при знаменателе меньше порога малой базы (по умолчанию 10 человек)."},
    {"plausibility.outlier", "plausibility.outlier", F::Plausibility, W,
     "{организация}: показатель {показатель} = {доля} % далеко от других организаций (медиана {медиана} %): "
     "проверьте данные.",
     "Доля организации дальше порога от медианы (по умолчанию трёх медианных отклонений; когда организаций с "
     "долей не меньше пяти)."},
    // --- report
    {"report.more", "{правило}", F::Report, std::nullopt,
     "… и ещё {число} таких замечаний на листе «{лист}» (правило {правило}): показаны первые {показано}. Скорее "
     "всего, у них одна причина: исправьте её и повторите проверку.",
     "Замечаний одного правила на одном листе больше 50: показаны первые 50, остальные посчитаны в одном "
     "замечании той же важности."},
    {"report.unmarked", "report.unmarked", F::Report, I,
     "Лист «{лист}» защищён паролем, поэтому {ячеек} проблемных ячеек не отмечены цветом; они перечислены в отчёте "
     "со ссылками. Чтобы увидеть отметки, снимите защиту листа «{лист}» (Сервис → Защитить лист) и повторите "
     "проверку.",
     "Ячейки листа, защищённого паролем, не отмечены цветом."},
    {"report.unmarked_styles", "report.unmarked", F::Report, I,
     "Лист «{защищённый лист}» защищён паролем, а LibreOffice не создаёт стили отметок, пока такой лист есть в "
     "книге; поэтому на листе «{лист}» {ячеек} проблемных ячеек не отмечены цветом; они перечислены в отчёте со "
     "ссылками. Чтобы увидеть отметки, снимите защиту листа «{защищённый лист}» (Сервис → Защитить лист) и "
     "повторите проверку.",
     "Ячейки не отмечены, потому что другой лист защищён паролем и стили отметок не создать."},
};

}  // namespace

namespace check {
const FindingKind& kind(K k) {
    static_assert(static_cast<std::size_t>(K::Count_) > 0);
    return kKinds.at(static_cast<std::size_t>(k));
}
}  // namespace check

const std::vector<FindingKind>& finding_kinds() {
    return kKinds;
}

const FindingKind* finding_kind(std::string_view id) {
    for (const auto& k : kKinds)
        if (id == k.id)
            return &k;
    return nullptr;
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error:
            return "Ошибка";
        case Severity::Warning:
            return "Предупреждение";
        case Severity::Info:
            return "Сведения";
    }
    return "";
}

const char* family_title(CheckFamily f) {
    switch (f) {
        case CheckFamily::Identity:
            return "Принадлежность формы";
        case CheckFamily::Passport:
            return "Паспорт формы";
        case CheckFamily::Structure:
            return "Структура книги: листы и столбцы";
        case CheckFamily::Register:
            return "Реестр организаций";
        case CheckFamily::Cells:
            return "Ячейки листов направлений";
        case CheckFamily::Rules:
            return "Правила каталога";
        case CheckFamily::Indicators: {
            static const char* const title = check::form_text("Лист «{#indicators}»");
            return title;
        }
        case CheckFamily::Procedures: {
            static const char* const title = check::form_text("Лист «{#procedures}»");
            return title;
        }
        case CheckFamily::Plausibility:
            return "Правдоподобие";
        case CheckFamily::Report:
            return "Отчёт";
    }
    return "";
}

std::string render_message(std::string_view message_template,
                           const std::vector<std::pair<std::string_view, std::string>>& values) {
    std::string out;
    out.reserve(message_template.size() + 32);
    std::size_t i = 0;
    while (i < message_template.size()) {
        const std::size_t open = message_template.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : message_template.find('}', open);
        if (close == std::string_view::npos) {
            out += message_template.substr(i);
            break;
        }
        out += message_template.substr(i, open - i);
        const std::string_view name = message_template.substr(open + 1, close - open - 1);
        const auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (it != values.end())
            out += it->second;
        else
            out += message_template.substr(open, close - open + 1);
        i = close + 1;
    }
    return out;
}

bool matches_template(std::string_view message_template, std::string_view text) {
    // The literal pieces between the slots, in order; a slot matches any text.
    std::vector<std::string_view> pieces;
    std::size_t i = 0;
    for (;;) {
        const std::size_t open = message_template.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : message_template.find('}', open);
        if (close == std::string_view::npos) {
            pieces.push_back(message_template.substr(i));
            break;
        }
        pieces.push_back(message_template.substr(i, open - i));
        i = close + 1;
    }
    if (pieces.size() == 1)
        return text == pieces[0];
    const std::string_view first = pieces.front(), last = pieces.back();
    if (text.size() < first.size() + last.size() || text.substr(0, first.size()) != first ||
        text.substr(text.size() - last.size()) != last)
        return false;
    std::size_t at = first.size();
    const std::size_t end = text.size() - last.size();
    for (std::size_t p = 1; p + 1 < pieces.size(); ++p) {
        const std::size_t found = text.substr(0, end).find(pieces[p], at);
        if (found == std::string_view::npos)
            return false;
        at = found + pieces[p].size();
    }
    return true;
}

std::vector<std::string> rule_ids(const Catalogue& catalogue) {
    // The fields of a rule, the one its findings are at first: the total of a
    // sum, the field of an implication's `then`, the first field otherwise.
    const auto key_fields = [](const Rule& r) {
        std::vector<std::string> f = r.fields;
        if (r.kind == Rule::Kind::SumEquals && !f.empty())
            std::rotate(f.rbegin(), f.rbegin() + 1, f.rend());
        if (r.kind == Rule::Kind::Implies && f.size() == 2)  // at the field of `then`
            std::swap(f[0], f[1]);
        return f;
    };
    const std::size_t n = catalogue.rules.size();
    std::vector<std::string> ids(n);
    std::vector<std::vector<std::string>> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Rule& r = catalogue.rules[i];
        keys[i] = key_fields(r);
        ids[i] = r.direction + "/" + to_string(r.kind);
    }
    // Lengthen the ids that are not unique yet by one more field each round.
    for (std::size_t depth = 0;; ++depth) {
        std::map<std::string, std::size_t> seen;
        for (const auto& id : ids)
            ++seen[id];
        bool clash = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (seen[ids[i]] < 2 && depth > 0)
                continue;
            if (depth < keys[i].size()) {
                ids[i] += "/" + keys[i][depth];
                clash = true;
            } else if (seen[ids[i]] > 1) {
                ids[i] += "/" + std::to_string(i + 1);
            }
        }
        if (!clash)
            break;
    }
    return ids;
}

}  // namespace msoko
