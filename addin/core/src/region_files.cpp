// SPDX-License-Identifier: MPL-2.0
// The forms and packages a region run is given (msoko/region_files.hpp).
#include "msoko/region_files.hpp"

#include "msoko/package.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace msoko {

namespace fs = std::filesystem;

namespace {

std::string u8(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

std::string lower_extension(const fs::path& p) {
    std::string e = u8(p.extension());
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

bool is_workbook(const fs::path& p) {
    const std::string e = lower_extension(p);
    return e == ".ods" || e == ".xlsx" || e == ".fods" || e == ".xls";
}

bool passed_over(const fs::path& p) {
    const std::string name = u8(p.filename());
    return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0;  // .~lock.…#, hidden, Excel's owner files
}

class Finder {
public:
    RegionInputs out;

    void given(const fs::path& path) {
        std::error_code ec;
        const fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st)) {
            fail(path, "файла или папки нет / no such file or folder");
            return;
        }
        if (fs::is_directory(st)) {
            const std::size_t before = out.inputs.size();
            folder(path);
            if (out.inputs.size() == before)
                fail(path,
                     "в папке нет форм (.ods, .xlsx) и пакетов для отправки / the folder holds no form or package");
            return;
        }
        if (u8(path.filename()) == kPackageJson) {
            add(path, RegionForm::Source::Json, u8(path.parent_path().filename()) + "/" + kPackageJson);
            return;
        }
        if (is_workbook(path)) {
            add(path, RegionForm::Source::Workbook, u8(path.filename()));
            return;
        }
        fail(path, "не форма МСОКО: ожидается .ods, .xlsx, папка пакета или indicators.json / not a form");
    }

private:
    std::set<fs::path> seen_;

    void fail(const fs::path& path, const std::string& message) {
        out.failures.push_back({u8(path.filename()), message});
    }

    void add(const fs::path& path, RegionForm::Source source, std::string shown) {
        std::error_code ec;
        fs::path key = fs::weakly_canonical(path, ec);
        if (ec)
            key = fs::absolute(path);
        if (!seen_.insert(key).second)
            return;
        out.inputs.push_back({path, source, std::move(shown)});
    }

    void folder(const fs::path& dir) {
        std::error_code ec;
        if (fs::exists(dir / kPackageJson, ec)) {
            add(dir / kPackageJson, RegionForm::Source::Package, u8(dir.filename()));
            return;
        }
        std::vector<fs::path> entries;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(it->path());
        if (ec) {
            fail(dir, "папку не прочитать: нет доступа / the folder cannot be read");
            return;
        }
        std::sort(entries.begin(), entries.end());
        for (const auto& p : entries) {
            if (passed_over(p))
                continue;
            if (fs::is_directory(p, ec))
                folder(p);
            else if (is_workbook(p))
                add(p, RegionForm::Source::Workbook, u8(p.filename()));
        }
    }
};

}  // namespace

RegionInputs find_region_inputs(const std::vector<fs::path>& given) {
    Finder finder;
    for (const auto& p : given)
        finder.given(p);
    return std::move(finder.out);
}

std::string modified_at(const fs::path& file) {
    std::error_code ec;
    const auto t = fs::last_write_time(file, ec);
    if (ec)
        return {};
    const auto system = std::chrono::time_point_cast<std::chrono::seconds>(t - fs::file_time_type::clock::now() +
                                                                           std::chrono::system_clock::now());
    const std::time_t tt = std::chrono::system_clock::to_time_t(system);
    std::tm utc{};
    gmtime_r(&tt, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

RegionForm read_region_package(const RegionInput& input) {
    std::ifstream in(input.path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    if (!in)
        throw std::runtime_error("«" + input.shown + "»: файл показателей пакета не прочитать / cannot be read");
    RegionForm form = read_submission_json(content.str(), input.shown);
    form.source = input.source;
    if (form.prepared_at.empty())
        form.prepared_at = modified_at(input.path);
    return form;
}

std::vector<std::string> read_expected_list(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("список муниципалитетов «" + u8(file) + "» не прочитать / cannot read the list");
    std::vector<std::string> out;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (first && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);  // a BOM
        first = false;
        const std::string name = trim(line);
        if (!name.empty() && name[0] != '#')
            out.push_back(name);
    }
    return out;
}

}  // namespace msoko
