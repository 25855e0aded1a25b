// SPDX-License-Identifier: MPL-2.0
#include "msoko/package.hpp"

#include "msoko/explanations.hpp"

#include <boost/date_time/c_local_time_adjustor.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <system_error>

#include <unistd.h>

namespace msoko {

namespace fs = std::filesystem;

namespace {

std::string u8(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

std::string stem_of(const fs::path& form) {
    return u8(form.stem());
}

// A name no other run picks at the same moment.
std::string unique_suffix() {
    std::random_device device;
    return std::to_string(::getpid()) + "-" + std::to_string(device());
}

std::string plural_errors(std::size_t n) {
    const std::size_t d = n % 10, h = n % 100;
    if (d == 1 && h != 11)
        return "ошибка";
    if (d >= 2 && d <= 4 && (h < 12 || h > 14))
        return "ошибки";
    return "ошибок";
}

std::string place_of(const ReportRow& r) {
    return r.cell.empty() ? "лист «" + r.sheet + "»" : "«" + r.sheet + "», " + r.cell;
}

}  // namespace

PreparedAt prepared_now() {
    namespace pt = boost::posix_time;
    const pt::ptime utc = pt::second_clock::universal_time();
    const pt::ptime local = boost::date_time::c_local_adjustor<pt::ptime>::utc_to_local(utc);
    const long offset = static_cast<long>((local - utc).total_seconds() / 60);
    const auto d = local.date();
    const auto t = local.time_of_day();
    static const char* const months[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                         "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
    char iso[64], text[96];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", static_cast<int>(d.year()),
                  static_cast<int>(d.month()), static_cast<int>(d.day()), static_cast<int>(t.hours()),
                  static_cast<int>(t.minutes()), static_cast<int>(t.seconds()), offset < 0 ? '-' : '+',
                  std::labs(offset) / 60, std::labs(offset) % 60);
    std::snprintf(text, sizeof text, "%d %s %d г., %02d:%02d", static_cast<int>(d.day()),
                  months[static_cast<int>(d.month()) - 1], static_cast<int>(d.year()), static_cast<int>(t.hours()),
                  static_cast<int>(t.minutes()));
    return {iso, text};
}

std::string package_folder_name(const fs::path& form) {
    return stem_of(form) + " — к отправке";
}

fs::path default_package_folder(const fs::path& form) {
    return form.parent_path() / fs::u8path(package_folder_name(form));
}

std::vector<std::string> package_files(const fs::path& form) {
    const std::string stem = stem_of(form);
    return {stem + ".ods",   stem + ".xlsx",  kPackageCsv,      kPackageJson,
            kPackageNoteOdt, kPackageNotePdf, kPackageChecksums};
}

PackageVerdict package_verdict(const ReportModel& model, std::size_t listed) {
    PackageVerdict v;
    v.errors = model.errors;
    if (model.errors > 0) {
        v.status = PackageVerdict::Status::HasErrors;
        v.message = "В форме " + std::to_string(model.errors) + " " + plural_errors(model.errors) +
                    " — такую форму не отправляют. Исправьте их по листу «Проверка» (ссылки в столбце «Ячейка» "
                    "ведут к ячейкам) и подготовьте форму к отправке снова.";
        for (const ReportRow& r : model.rows)
            if (r.severity == Severity::Error && model.errors == 1) {
                v.message += "\n\n" + place_of(r) + ": " + r.message;
                break;
            }
        return v;
    }
    for (const ReportRow* r : unexplained_warnings(model))
        v.unexplained.push_back(*r);
    if (!v.unexplained.empty()) {
        v.status = PackageVerdict::Status::Unexplained;
        v.message = "Предупреждений без пояснения: " + std::to_string(v.unexplained.size()) +
                    ". Центр мониторинга принимает форму, когда каждое предупреждение объяснено: впишите "
                    "пояснение в столбец «Пояснение» листа «Проверка», сохраните форму и подготовьте её к "
                    "отправке снова.\n";
        for (std::size_t i = 0; i < v.unexplained.size() && i < listed; ++i) {
            const ReportRow& r = v.unexplained[i];
            v.message += "\n№ " + std::to_string(r.number) + " — " + place_of(r) + ": " + r.message;
        }
        if (v.unexplained.size() > listed)
            v.message += "\n… и ещё " + std::to_string(v.unexplained.size() - listed);
        return v;
    }
    return v;
}

StagedFolder::StagedFolder(fs::path target) : target_(std::move(target)) {
    const fs::path parent = target_.parent_path().empty() ? fs::path(".") : target_.parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
        throw PackageError("папки «" + u8(parent) + "» нет: пакет для отправки некуда записать");
    staging_ = parent / fs::u8path("." + u8(target_.filename()) + ".tmp-" + unique_suffix());
    if (!fs::create_directory(staging_, ec) || ec)
        throw PackageError("в папку «" + u8(parent) + "» нельзя записать (" +
                           (ec ? ec.message() : std::string("папка уже есть")) +
                           "): выберите другую папку или проверьте права на неё");
}

StagedFolder::~StagedFolder() {
    if (committed_)
        return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

void StagedFolder::write(const std::string& name, const std::string& bytes) const {
    const fs::path path = file(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        throw PackageError("файл «" + u8(path.filename()) + "» не записан в папку «" + u8(target_.parent_path()) +
                           "» (нет места на диске или прав на запись)");
}

void StagedFolder::commit(bool replace) {
    std::error_code ec;
    fs::path aside;
    if (fs::exists(fs::symlink_status(target_, ec))) {
        if (!replace)
            throw PackageError("папка «" + u8(target_) + "» уже есть; она не заменена");
        aside = target_.parent_path() / fs::u8path("." + u8(target_.filename()) + ".old-" + unique_suffix());
        fs::rename(target_, aside, ec);
        if (ec)
            throw PackageError("папку «" + u8(target_) + "» нельзя заменить: " + ec.message());
    }
    fs::rename(staging_, target_, ec);
    if (ec) {
        std::error_code back;
        if (!aside.empty())
            fs::rename(aside, target_, back);  // the old package stays as it was
        throw PackageError("папку «" + u8(target_) + "» нельзя записать: " + ec.message());
    }
    committed_ = true;
    if (!aside.empty())
        fs::remove_all(aside, ec);
}

}  // namespace msoko
