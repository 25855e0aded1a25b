// SPDX-License-Identifier: MPL-2.0
// msoko: the command line of МСОКО for Calc — one tool, one subcommand per
// job, the same options everywhere (docs/cli.md).
#include "commands.hxx"
#include "install_paths.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/text.hpp"
#include "office/office.hxx"

#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/IndexOutOfBoundsException.hpp>

#include <boost/program_options.hpp>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>

namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace msoko::cli;

constexpr const char* kHelp = R"(Использование / usage: msoko SUBCOMMAND [OPTIONS] ARGUMENTS

Подкоманды / subcommands:
  form blank [--rows ТИП=N]... OUT.fods
      пустая форма сбора данных из каталога (без LibreOffice); --rows: строк
      реестра для типа организаций (краткое название или plural каталога,
      например --rows ОО=40 --rows УДО=10; по умолчанию 30, от 0 до 2000);
      --schools N, --kindergartens N — то же для ОО и ДОО
      the blank data-collection form from the catalogue (no office); --rows: the
      register's rows of an organisation type (its short title or plural, e.g.
      --rows ОО=40 --rows УДО=10; 30 by default, 0 to 2000); --schools N and
      --kindergartens N are --rows schools=N and --rows kindergartens=N
  form fill DATA.json OUT.fods
      форма, заполненная из файла данных (samples/data/*.json)
      the form filled from a data file
  form new --municipality М --region Р [--period П] [--rows ТИП=N]...
           [--from ПРОШЛЫЙ.ods] OUT.fods
      новая форма, как её создаёт диалог «Создать форму сбора данных…»:
      паспорт, строки реестра по типам; --from: реестр и значения формы
      прошлого года (читается в LibreOffice); период по умолчанию — учебный
      год, который только что закончился
      the new form as the dialog makes it; --from: last year's register and
      values (read in LibreOffice); the period defaults to the school year
      just ended
  catalogue check
      проверяет каталог показателей / checks the indicator catalogue
  catalogue doc [OUT.md]
      описание каталога для методиста (docs/indicators.md) / the catalogue for people
  check [--save CHECKED.ods] [ПОРОГИ / THRESHOLDS] FORM
      проверка перед отправкой, как команда меню «Проверить форму»: итог,
      заполненность, каждое замечание; файл не изменяется (--save: копия с листом
      «Проверка» и отметками)
      the check before submission, as the menu command runs it: the summary,
      completeness and every finding; the file is only read (--save: a copy with
      the report sheet and the marks)
      Пороги правдоподобия, как в параметрах расширения (Сервис → Параметры →
      LibreOffice Calc → МСОКО) / the plausibility thresholds of the options page:
        --dynamics-points P   изменение за год больше P п. п. (0,1–100; 10) /
                              a change of more than P points in a year
        --small-base N        доля 0 или 100 % при знаменателе меньше N человек
                              (0–1000, 0 — не отмечать; 10) / a share over fewer people
        --outlier-distance D  дальше D медианных отклонений от медианы (0,5–20; 3) /
                              farther than D median deviations from the median
  indicators FORM
      показатели муниципалитета, рассчитанные по данным формы, как их показывает форма
      the municipal indicators computed from the form's figures, as the form shows them
  formulas WORKBOOK
      каждая формула МСОКО книги с её результатом / every МСОКО formula and its result
  migrate СТАРАЯ.ods НОВАЯ.ods
      перенос формы прежней версии каталога в текущую, как команда «Перенести в
      новую версию формы»: паспорт, реестр, значения полей (переименованные и
      слитые — по описанию изменений в каталоге), значения прошлого года,
      документы; выводит, что заполнить заново и что не перенесено; старая
      форма не изменяется (каталог её версии — в папке history рядом с каталогом)
      a form of an earlier catalogue version moved to the current one; prints what
      to fill anew and what was dropped; the old file is only read
  package [--out ПАПКА] [--replace] [ПОРОГИ / THRESHOLDS] FORM
      подготовка к отправке, как команда «Подготовить к отправке»: проверка
      (ошибки и предупреждения без пояснения — код 3, пакет не пишется), затем
      папка «<форма> — к отправке» рядом с формой (или --out): копия формы без
      формул (.ods, .xlsx), показатели (indicators.csv, indicators.json),
      пояснительная записка (.odt, .pdf), SHA256SUMS; существующая папка
      заменяется только с --replace; форма не изменяется
      the check, then the submission package next to the form (or in --out);
      exit 3 when errors or unexplained warnings hold it back; the form is only read
  subforms make [--out ПАПКА] [--replace] FORM
      формы для организаций, как команда «Формы для организаций»: по книге на
      каждую организацию реестра («<код> <краткое наименование>.ods») в папке
      «<форма> — формы организаций» рядом с формой (или --out); существующая
      папка заменяется только с --replace; форма не изменяется; выводит файлы
      one workbook per organisation of the register, for it to fill and check
      itself, in a folder next to the form (or --out); the form is only read
  subforms merge [-o ВЫХОД.ods] [--conflicts keep|take] FORM ПАПКА|ФАЙЛЫ...
      сбор форм организаций, как команда «Собрать формы организаций»: значения
      присланных форм организаций (файлы или все файлы папки) записываются в
      форму, лист «Сбор форм» перечисляет, кто не вернул форму, что не принято и
      почему, расхождения; значение, набранное в форме, меняется только с
      --conflicts take (по умолчанию keep: расхождения перечисляются, значения
      формы остаются); без -o записывается сама форма
      the returned organisation forms merged into the form; «Сбор форм» printed;
      conflicts kept unless --conflicts take; without -o the form itself is written
  region check [--jobs N] [--timeout С] [--expected СПИСОК.txt] [--newer]
               [--period П] [--findings ЗАМЕЧАНИЯ.tsv|.json] ПАПКА|ФАЙЛЫ...
      проверка форм муниципалитетов для регионального центра: каждая форма
      (.ods, .xlsx, папка пакета для отправки или её indicators.json) читается
      и проверяется в LibreOffice (--jobs процессов, по умолчанию по числу ядер;
      форма, на которой LibreOffice завис дольше --timeout секунд (120), или
      упал, отмечается, работа идёт дальше); строка на каждую форму, замечания
      всех форм — в --findings (или --format tsv|json); две формы одного
      муниципалитета за период — ни одна не берётся, с --newer берётся более
      новая; формы другой версии каталога или другого периода не принимаются;
      --expected: кто должен прислать форму (по строке); код выхода 3, если не
      все формы готовы
      the municipal forms checked for the regional center, a line each, the
      findings of all in --findings; exit 3 unless every form is ready
  region consolidate [те же параметры] -o СВОД.ods|.xlsx ПАПКА|ФАЙЛЫ...
      свод по муниципалитетам (docs/region.md): листы «Готовность», «Показатели
      региона» (Σ числителей / Σ знаменателей), «Рейтинг» (мотивирующий
      мониторинг), «Баллы», «Профиль», «Диаграммы», «Банк процедур»; выводит
      показатели региона и первые места рейтинга
      the region workbook: readiness, the region's values, the ranking, profiles,
      charts and the bank of assessment procedures
  vpr import [-o РЕЗУЛЬТАТЫ.ods|.xlsx] [--previous ФАЙЛЫ...] [--boundaries ФАЙЛ]
             [--jobs N] ФАЙЛЫ...
      результаты ВПР из ФИС ОКО, как команда «Загрузить результаты ВПР»: файлы
      «Индивидуальные результаты» (Ф1; .xlsx, .xls, .ods, .csv) читаются в
      LibreOffice; выводятся строка на файл, таблица по школам (участники, доля
      «2», понизили / подтвердили / повысили), признаки, требующие
      дополнительного анализа объективности, и кандидаты в ШНОР (--format json —
      весь анализ); -o: книга результатов с гистограммами; --previous: файлы
      прошлого года (динамика доли «2»); --boundaries: границы отметок по годам
      (по умолчанию vpr-boundaries.json рядом с каталогом); код выхода 1, если
      какой-то файл не прочитан (остальные обработаны)
      ВПР results from ФИС ОКО: a line per file, the per-school table, the
      objectivity flags and ШНОР candidates; -o writes the results workbook
  vpr fill [--map ЛОГИНЫ.tsv] [--conflicts keep|take] -o ВЫХОД.ods ФОРМА ФАЙЛЫ...
      заполнение формы из результатов ВПР, как команда «Заполнить форму из
      результатов ВПР»: поля ВПР каждой школы (участники, ниже минимума,
      успешность, подтвердили, понизили) из файлов Ф1, в примечании каждой
      ячейки — «из ФИС ОКО»; набранное в форме другое значение остаётся (с
      --conflicts take — заменяется); --map: строки «логин<TAB>код
      организации» для школ, которые не сопоставились по названию; форма не
      изменяется, заполненная копия — в -o
      the form's ВПР figures filled from the results into a copy (-o)
  convert WORKBOOK OUT.ods|OUT.fods|OUT.pdf
      пересчитанная копия в другом формате / a recalculated copy in another format

Параметры для всех подкоманд / options of every subcommand:
  --catalogue FILE     каталог показателей (по умолчанию $MSOKO_CATALOGUE или
                       встроенный); LibreOffice, который запускает msoko, считает
                       по нему же / the indicator catalogue (default: $MSOKO_CATALOGUE
                       or the built-in one); the office msoko starts uses it too
  --lang ru|en         язык LibreOffice (форматы чисел) / the office's language (ru)
  --format text|tsv|json
                       вид вывода (JSON описан в docs/cli.md) / output format (text)
  --oxt FILE           расширение для LibreOffice / the extension to install
  --keep-profile       сохранить временный профиль LibreOffice / keep the office's profile
  -h, --help           эта справка / this help
  --version            версия, расширение и каталог по умолчанию / the version, the
                       default extension and catalogue (installed: ../share/msoko)

Коды выхода / exit codes:
  0  готово; check: форма готова к отправке / done; check: the form is ready
  1  файл не удалось обработать (причина — в сообщении) / the file could not be
     processed (the message says why)
  2  ошибка в командной строке / usage error
  3  check, package: в форме есть ошибки (package: или предупреждения без
     пояснения) / the form has errors (package: or unexplained warnings);
     region check: не все формы готовы / not every form is ready
  1  vpr: какой-то файл результатов не прочитан / a results file was not read
  130, 143, 129  прервано SIGINT (Ctrl+C), SIGTERM, SIGHUP / interrupted
)";

// The subcommands, and the options only some take.
const std::map<std::string, std::vector<std::string>> kSubcommands = {
    {"form", {"rows", "schools", "kindergartens", "municipality", "region", "period", "from"}},
    {"catalogue", {}},
    {"check", {"save", "dynamics-points", "small-base", "outlier-distance"}},
    {"indicators", {}},
    {"formulas", {}},
    {"migrate", {}},
    {"package", {"out", "replace", "dynamics-points", "small-base", "outlier-distance"}},
    {"subforms", {"out", "replace", "output", "conflicts"}},
    {"convert", {}},
    {"vpr", {"output", "previous", "boundaries", "map", "conflicts", "jobs"}},
    {"region",
     {"jobs", "timeout", "expected", "newer", "period", "findings", "output", "small-base", "dynamics-points",
      "outlier-distance"}},
};

// A LibreOffice exception as the user reads it: what went wrong in Russian,
// then what the office said, without its source locations.
std::string office_failure(const char* reason, const rtl::OUString& message) {
    const std::string said = msoko::office::without_source_locations(u8(message));
    return std::string(reason) + (said.empty() ? "" : ": " + said);
}

// A threshold of the command line: a number (a decimal comma or point) within its limits.
double threshold(const po::variables_map& vm, const char* option, msoko::CheckSettings::Item item, double fallback) {
    if (!vm.count(option))
        return fallback;
    std::string typed = vm[option].as<std::string>();
    for (char& ch : typed)
        if (ch == ',')
            ch = '.';
    double v = 0;
    const auto [end, error] = std::from_chars(typed.data(), typed.data() + typed.size(), v);
    const std::string problem = error == std::errc() && end == typed.data() + typed.size()
                                    ? msoko::CheckSettings::problem(item, v)
                                    : msoko::CheckSettings::problem(item, std::numeric_limits<double>::quiet_NaN());
    if (!problem.empty())
        throw UsageError(std::string("--") + option + ": " + problem +
                         " / out of its limits: " + vm[option].as<std::string>());
    return v;
}

msoko::CheckSettings check_settings(const po::variables_map& vm) {
    using Item = msoko::CheckSettings::Item;
    msoko::CheckSettings settings;
    settings.dynamics_points = threshold(vm, "dynamics-points", Item::DynamicsPoints, settings.dynamics_points);
    settings.small_base = threshold(vm, "small-base", Item::SmallBase, settings.small_base);
    settings.outlier_distance = threshold(vm, "outlier-distance", Item::OutlierDistance, settings.outlier_distance);
    return settings;
}

// A whole number of an option within [min, max].
std::size_t whole(const po::variables_map& vm, const char* option, std::size_t fallback, std::size_t min,
                  std::size_t max) {
    if (!vm.count(option))
        return fallback;
    const std::string typed = vm[option].as<std::string>();
    std::size_t v = 0;
    const auto [end, error] = std::from_chars(typed.data(), typed.data() + typed.size(), v);
    if (error != std::errc() || end != typed.data() + typed.size() || v < min || v > max)
        throw UsageError(std::string("--") + option + ": целое число от " + std::to_string(min) + " до " +
                         std::to_string(max) + " / a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ": " + typed);
    return v;
}

RegionRun region_run(const po::variables_map& vm, const std::vector<std::string>& args) {
    RegionRun run;
    run.verb = args.empty() ? std::string() : args[0];
    if ((run.verb != "check" && run.verb != "consolidate") || args.size() < 2)
        throw UsageError(
            "region check ПАПКА|ФАЙЛЫ... | region consolidate ПАПКА|ФАЙЛЫ... -o СВОД.ods / "
            "region check DIR|FILES... | region consolidate DIR|FILES... -o REGION.ods");
    run.inputs.assign(args.begin() + 1, args.end());
    run.jobs = whole(vm, "jobs", 0, 1, 64);
    run.timeout = std::chrono::seconds(whole(vm, "timeout", 120, 5, 3600));
    const auto path = [&](const char* option) {
        return vm.count(option) ? fs::path(vm[option].as<std::string>()) : fs::path();
    };
    run.expected = path("expected");
    run.findings = path("findings");
    run.output = path("output");
    run.newer = vm["newer"].as<bool>();
    run.period = vm.count("period") ? msoko::trim(vm["period"].as<std::string>()) : std::string();
    run.settings = check_settings(vm);
    if (run.verb == "consolidate") {
        if (run.output.empty())
            throw UsageError("region consolidate: укажите -o СВОД.ods / give -o REGION.ods");
        const std::string ext = run.output.extension().string();
        if (ext != ".ods" && ext != ".xlsx")
            throw UsageError("-o: .ods или .xlsx / .ods or .xlsx: " + run.output.string());
        run.output = fs::absolute(run.output);
    } else if (!run.output.empty()) {
        throw UsageError("-o: только для region consolidate / only for region consolidate");
    }
    if (!run.findings.empty()) {
        const std::string ext = run.findings.extension().string();
        if (ext != ".tsv" && ext != ".json")
            throw UsageError("--findings: .tsv или .json / .tsv or .json: " + run.findings.string());
    }
    return run;
}

VprRun vpr_run(const po::variables_map& vm, const std::vector<std::string>& args) {
    VprRun run;
    run.verb = args.empty() ? std::string() : args[0];
    const auto path = [&](const char* option) {
        return vm.count(option) ? fs::path(vm[option].as<std::string>()) : fs::path();
    };
    run.output = path("output");
    run.boundaries = path("boundaries");
    run.map = path("map");
    if (run.verb == "import" && args.size() >= 2) {
        run.files.assign(args.begin() + 1, args.end());
        if (vm.count("previous"))
            for (const auto& p : vm["previous"].as<std::vector<std::string>>())
                run.previous.emplace_back(p);
        run.jobs = whole(vm, "jobs", 0, 1, 64);
        for (const char* only_fill : {"map", "conflicts"})
            if (vm.count(only_fill))
                throw UsageError(std::string("--") + only_fill + ": только для vpr fill / only for vpr fill");
        if (!run.output.empty()) {
            const std::string ext = run.output.extension().string();
            if (ext != ".ods" && ext != ".xlsx")
                throw UsageError("-o: .ods или .xlsx / .ods or .xlsx: " + run.output.string());
        }
    } else if (run.verb == "fill" && args.size() >= 3) {
        run.form = args[1];
        run.files.assign(args.begin() + 2, args.end());
        for (const char* only_import : {"previous", "jobs"})
            if (vm.count(only_import))
                throw UsageError(std::string("--") + only_import + ": только для vpr import / only for vpr import");
        const std::string conflicts = vm.count("conflicts") ? vm["conflicts"].as<std::string>() : "keep";
        if (conflicts != "keep" && conflicts != "take")
            throw UsageError("--conflicts: keep или take / keep or take");
        run.take = conflicts == "take";
        const std::string ext = run.output.extension().string();
        if (run.output.empty() || (ext != ".ods" && ext != ".fods"))
            throw UsageError("vpr fill: укажите -o ВЫХОД.ods / give -o OUT.ods (.ods or .fods)");
    } else {
        throw UsageError(
            "vpr import ФАЙЛЫ... [-o РЕЗУЛЬТАТЫ.ods] | vpr fill ФОРМА.ods ФАЙЛЫ... -o ВЫХОД.ods / "
            "vpr import FILES... [-o RESULTS.ods] | vpr fill FORM.ods FILES... -o OUT.ods");
    }
    if (!run.output.empty())
        run.output = fs::absolute(run.output);
    return run;
}

fs::path default_catalogue(bool* chosen) {
    const char* env = std::getenv("MSOKO_CATALOGUE");
    *chosen = env && *env;
    return *chosen ? fs::path(env) : default_catalogue_file();
}

int run(const std::vector<std::string>& argv) {
    if (argv.empty())
        throw UsageError("нет подкоманды / no subcommand");
    if (argv[0] == "-h" || argv[0] == "--help" || argv[0] == "help") {
        std::cout << kHelp;
        return kDone;
    }
    if (argv[0] == "--version" || argv[0] == "version") {
        std::cout << version_text();
        return kDone;
    }
    const std::string sub = argv[0];
    const auto known = kSubcommands.find(sub);
    if (known == kSubcommands.end())
        throw UsageError("неизвестная подкоманда / unknown subcommand: " + sub);

    po::options_description options;
    options.add_options()("help,h", po::bool_switch())("catalogue", po::value<std::string>())(
        "lang", po::value<std::string>()->default_value("ru"))("format",
                                                               po::value<std::string>()->default_value("text"))(
        "oxt", po::value<std::string>()->default_value(default_oxt().string()))("keep-profile", po::bool_switch())(
        "args", po::value<std::vector<std::string>>());
    for (const auto& extra : known->second)
        if (extra == "save")
            options.add_options()("save", po::value<std::string>());
        else if (extra == "replace" || extra == "newer")
            options.add_options()(extra.c_str(), po::bool_switch());
        else if (extra == "output")
            options.add_options()("output,o", po::value<std::string>());
        else if (extra == "previous")
            options.add_options()("previous", po::value<std::vector<std::string>>()->multitoken()->composing());
        else if (extra == "rows")
            options.add_options()("rows", po::value<std::vector<std::string>>()->composing());
        else  // --schools N, --kindergartens N (--rows schools=N …); check's thresholds
            options.add_options()(extra.c_str(), po::value<std::string>());
    po::positional_options_description positional;
    positional.add("args", -1);
    po::variables_map vm;
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    po::store(po::command_line_parser(rest).options(options).positional(positional).run(), vm);
    po::notify(vm);
    if (vm["help"].as<bool>()) {
        std::cout << kHelp;
        return kDone;
    }

    Common common;
    if (vm.count("catalogue")) {
        common.catalogue = vm["catalogue"].as<std::string>();
        common.catalogue_chosen = true;
    } else {
        common.catalogue = default_catalogue(&common.catalogue_chosen);
    }
    // Absolute: the office has another working directory.
    common.catalogue = fs::absolute(common.catalogue);
    common.lang = vm["lang"].as<std::string>();
    if (common.lang != "ru" && common.lang != "en")
        throw UsageError("--lang: ru или en / ru or en");
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "tsv" && format != "json")
        throw UsageError("--format: text, tsv или json / text, tsv or json");
    common.format = format == "json" ? Format::Json : format == "tsv" ? Format::Tsv : Format::Text;
    common.oxt = vm["oxt"].as<std::string>();
    common.keep_profile = vm["keep-profile"].as<bool>();
    const auto args = vm.count("args") ? vm["args"].as<std::vector<std::string>>() : std::vector<std::string>();

    if (sub == "form") {
        std::vector<std::string> rows =
            vm.count("rows") ? vm["rows"].as<std::vector<std::string>>() : std::vector<std::string>();
        for (const char* plural : {"schools", "kindergartens"})
            if (vm.count(plural))
                rows.push_back(std::string(plural) + "=" + vm[plural].as<std::string>());
        if (!args.empty() && args[0] == "new") {
            NewFormOptions o;
            const auto given = [&](const char* name) {
                return vm.count(name) ? vm[name].as<std::string>() : std::string();
            };
            o.municipality = msoko::trim(given("municipality"));
            o.region = msoko::trim(given("region"));
            o.period = msoko::trim(given("period"));
            o.last_year = given("from");
            if (!o.last_year.empty() && common.oxt.empty())
                throw UsageError("--oxt: расширение не указано / no extension given");
            return new_form(common, o, args, rows);
        }
        for (const char* only_new : {"municipality", "region", "period", "from"})
            if (vm.count(only_new))
                throw UsageError(std::string("--") + only_new + ": только для form new / only for form new");
        return form(common, args, rows);
    }
    if (sub == "catalogue")
        return catalogue(common, args);
    // The rest open a workbook in the private office.
    if (common.oxt.empty())
        throw UsageError("--oxt: расширение не указано / no extension given");
    if (sub == "subforms") {
        const std::string verb = args.empty() ? std::string() : args[0];
        if (verb == "make") {
            for (const char* other : {"output", "conflicts"})
                if (vm.count(other))
                    throw UsageError(std::string("--") + other +
                                     ": только для subforms merge / only for subforms merge");
            if (args.size() != 2)
                throw UsageError("subforms make [--out ПАПКА] [--replace] ФОРМА.ods / subforms make FORM.ods");
            msoko::office::readable_head(args[1]);
            return subforms_make(common, args[1], vm.count("out") ? fs::path(vm["out"].as<std::string>()) : fs::path(),
                                 vm["replace"].as<bool>());
        }
        if (verb != "merge" || args.size() < 3)
            throw UsageError(
                "subforms make ФОРМА.ods | subforms merge ФОРМА.ods ПАПКА|ФАЙЛЫ... [-o ВЫХОД.ods] "
                "[--conflicts keep|take] / subforms make FORM.ods | subforms merge FORM.ods DIR|FILES... "
                "[-o OUT.ods] [--conflicts keep|take]");
        if (vm.count("out") || vm["replace"].as<bool>())
            throw UsageError("--out, --replace: только для subforms make / only for subforms make");
        const std::string conflicts = vm.count("conflicts") ? vm["conflicts"].as<std::string>() : "keep";
        if (conflicts != "keep" && conflicts != "take")
            throw UsageError("--conflicts: keep или take / keep or take");
        msoko::office::readable_head(args[1]);
        return subforms_merge(common, args[1], std::vector<fs::path>(args.begin() + 2, args.end()),
                              vm.count("output") ? fs::path(vm["output"].as<std::string>()) : fs::path(),
                              conflicts == "take");
    }
    if (sub == "region")
        return region(common, region_run(vm, args));
    if (sub == "vpr")
        return vpr(common, vpr_run(vm, args));
    if (args.size() != (sub == "convert" || sub == "migrate" ? 2u : 1u))
        throw UsageError(sub == "convert"   ? "convert WORKBOOK OUT.ods|OUT.fods|OUT.pdf"
                         : sub == "migrate" ? "migrate СТАРАЯ.ods НОВАЯ.ods / migrate OLD.ods NEW.ods"
                                            : sub + " WORKBOOK");
    const fs::path workbook = args[0];
    msoko::office::readable_head(workbook);  // a wrong path is told before the office starts
    if (sub == "check" || sub == "package") {
        const msoko::CheckSettings settings = check_settings(vm);
        if (sub == "package")
            return package(common, workbook, vm.count("out") ? fs::path(vm["out"].as<std::string>()) : fs::path(),
                           vm["replace"].as<bool>(), settings);
        return check(common, workbook, vm.count("save") ? fs::path(vm["save"].as<std::string>()) : fs::path(),
                     settings);
    }
    if (sub == "indicators")
        return indicators(common, workbook);
    if (sub == "formulas")
        return formulas(common, workbook);
    if (sub == "migrate")
        return migrate(common, workbook, args[1]);
    return convert(common, workbook, args[1]);
}

}  // namespace

int main(int argc, char** argv) {
    // First, before any thread: Ctrl+C leaves no office or profile behind.
    msoko::office::clean_up_on_signals("msoko");
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "msoko: " << e.what() << "\nСправка / help: msoko --help\n";
        return kUsage;
    } catch (const po::error& e) {
        std::cerr << "msoko: " << e.what() << "\nСправка / help: msoko --help\n";
        return kUsage;
    } catch (const msoko::CatalogueError& e) {
        std::cerr << "msoko: каталог или файл данных с ошибкой / invalid catalogue or data file: " << e.what() << "\n";
    } catch (const msoko::office::OfficeError& e) {
        std::cerr << "msoko: " << msoko::office::without_source_locations(e.what()) << "\n";
    } catch (const css::container::NoSuchElementException& e) {
        std::cerr << "msoko: "
                  << office_failure("в книге нет ожидаемого листа, ячейки или имени / a sheet or name is missing",
                                    e.Message)
                  << "\n";
    } catch (const css::lang::IndexOutOfBoundsException& e) {
        std::cerr << "msoko: "
                  << office_failure("обращение за пределы листа или книги / out of the sheet's bounds", e.Message)
                  << "\n";
    } catch (const css::lang::IllegalArgumentException& e) {
        std::cerr << "msoko: "
                  << office_failure("LibreOffice отклонил запрос (недопустимое значение) / invalid argument", e.Message)
                  << "\n";
    } catch (const css::io::IOException& e) {
        std::cerr << "msoko: " << office_failure("ошибка чтения или записи файла / input or output error", e.Message)
                  << "\n";
    } catch (const css::lang::DisposedException& e) {
        std::cerr
            << "msoko: "
            << office_failure(
                   "LibreOffice неожиданно завершился (сбой или нехватка памяти) / LibreOffice ended unexpectedly",
                   e.Message)
            << "\n";
    } catch (const css::uno::RuntimeException& e) {
        std::cerr << "msoko: " << office_failure("внутренняя ошибка LibreOffice / LibreOffice error", e.Message)
                  << "\n";
    } catch (const css::uno::Exception& e) {
        std::cerr << "msoko: " << office_failure("ошибка LibreOffice / LibreOffice error", e.Message) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "msoko: " << msoko::office::without_source_locations(e.what()) << "\n";
    }
    return kFailed;
}
