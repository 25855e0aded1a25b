// SPDX-License-Identifier: MPL-2.0
// The files a private office is given: a first look before the office starts
// (missing, unreadable, empty, damaged, not a spreadsheet), their URLs, and
// the office's messages made readable.
#include "office/files.hxx"
#include "office/office.hxx"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <regex>

#include <fcntl.h>
#include <unistd.h>

namespace msoko::office {

namespace fs = std::filesystem;

namespace {

/// The first bytes of a file, or the error of reading it.
struct Head {
    std::string bytes;
    int error = 0;
};

Head read_head(const fs::path& file, std::size_t n) {
    Head head;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        head.error = errno;
        return head;
    }
    head.bytes.resize(n);
    const ssize_t got = ::read(fd, head.bytes.data(), n);
    head.error = got < 0 ? errno : 0;
    head.bytes.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    ::close(fd);
    return head;
}

}  // namespace

std::string not_a_spreadsheet(const fs::path& file, const std::string& head, bool other_document) {
    if (other_document)
        return "это не электронная таблица, а документ другого вида (текст, рисунок или презентация) / not a "
               "spreadsheet: " +
               file.string();
    const bool zip = head.rfind("PK\x03\x04", 0) == 0;
    const bool ole = head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0;
    // An OpenDocument file names its type first, uncompressed: "mimetype" at
    // byte 30 of the archive; an .xlsx usually starts with its content types.
    const bool ods = zip && head.find("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") != std::string::npos;
    const bool xlsx = zip && head.find("[Content_Types].xml") != std::string::npos;
    if (ods || xlsx || ole)
        return "файл повреждён: LibreOffice не может прочитать эту таблицу (например, файл записан или загружен не "
               "полностью) / the file is damaged: " +
               file.string();
    if (zip)
        return "это не электронная таблица или файл повреждён: в архиве ZIP LibreOffice не нашёл таблицы / not a "
               "spreadsheet, or damaged: " +
               file.string();
    return "это не электронная таблица: LibreOffice не распознал формат файла (нужна таблица .ods, .fods, .xlsx, "
           ".xls или .csv) / not a spreadsheet: " +
           file.string();
}

std::string readable_head(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw OfficeError("файл не найден / file not found: " + file.string());
    const Head head = read_head(file, 128);
    if (head.error)
        throw OfficeError("не удалось прочитать файл (" + std::string(std::strerror(head.error)) +
                          ") / cannot read the file: " + file.string());
    if (head.bytes.empty())  // the office would open it as a new, empty workbook
        throw OfficeError("файл пуст (0 байт) / the file is empty: " + file.string());
    return head.bytes;
}

std::string without_source_locations(const std::string& message) {
    // LibreOffice's exceptions end their message with where they were thrown,
    // one or more times: " at ./sc/source/ui/unoobj/docuno.cxx:3963", also
    // with an absolute path of the build machine.
    static const std::regex location(R"(\s*\bat \.?/?[^\s:]*\.(cxx|hxx|cpp|hpp|h|c|mm):[0-9]+)");
    std::string out = std::regex_replace(message, location, "");
    const auto first = out.find_first_not_of(" \t\r\n");
    const auto last = out.find_last_not_of(" \t\r\n:");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

std::string file_url(const fs::path& path) {
    const std::string abs = fs::absolute(path).lexically_normal().string();
    std::string url = "file://";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : abs) {
        if (std::isalnum(c) || std::strchr("/-._~", c))
            url += static_cast<char>(c);
        else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 15];
        }
    }
    return url;
}

}  // namespace msoko::office
