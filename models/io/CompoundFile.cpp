#include "io/CompoundFile.h"

#include "util/LogCategories.h"

#include <QFile>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>

namespace ud {

namespace {

// libgsf complains on stderr about the damaged files it is given (a CRITICAL for a truncated
// directory); the reader reports those files to the clerk in its own words, so the complaints go to
// uniondesk.io's debug log (off unless asked for) instead of the terminal of the command line.
void logQuietly(const gchar* domain, GLogLevelFlags, const gchar* message, gpointer)
{
    qCDebug(lcIo, "%s: %s", domain, message);
}

void initialiseGsfOnce()
{
    static const bool initialised = [] {
        gsf_init();
        const auto levels =
            static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE);
        for (const char* domain : {"libgsf", "libgsf:msole", "GLib-GObject", "GLib"})
            g_log_set_handler(domain, levels, logQuietly, nullptr);
        return true;
    }();
    Q_UNUSED(initialised);
}

// GLib names files in UTF-8 on Windows and in the locale's encoding elsewhere.
QByteArray glibFileName(const QString& path)
{
#ifdef Q_OS_WIN
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

// Drops the reference libgsf handed out, whatever happens after.
template <typename T>
struct Reference
{
    T* value = nullptr;
    Reference() = default;
    explicit Reference(T* v)
        : value(v)
    {
    }
    ~Reference()
    {
        if (value)
            g_object_unref(value);
    }
    Reference(const Reference&) = delete;
    Reference& operator=(const Reference&) = delete;
};

} // namespace

struct CompoundFile::Container
{
    Reference<GsfInput> file;
    Reference<GsfInfile> root;
};

CompoundFile::CompoundFile(const QString& path)
    : m_container(std::make_unique<Container>())
{
    initialiseGsfOnce();
    GError* error = nullptr;
    m_container->file.value = gsf_input_stdio_new(glibFileName(path).constData(), &error);
    if (error)
        g_error_free(error);
    if (!m_container->file.value)
        return;
    error = nullptr;
    m_container->root.value = gsf_infile_msole_new(m_container->file.value, &error);
    if (error)
        g_error_free(error);
}

CompoundFile::~CompoundFile() = default;

bool CompoundFile::isOpen() const
{
    return m_container->root.value != nullptr;
}

QStringList CompoundFile::streamNames() const
{
    QStringList names;
    if (!isOpen())
        return names;
    const int count = gsf_infile_num_children(m_container->root.value);
    for (int i = 0; i < count; ++i) {
        if (const char* name = gsf_infile_name_by_index(m_container->root.value, i))
            names.append(QString::fromUtf8(name));
    }
    return names;
}

bool CompoundFile::has(const QString& name) const
{
    return streamNames().contains(name, Qt::CaseInsensitive);
}

QByteArray CompoundFile::stream(const QString& name, qint64 limit) const
{
    const QStringList names = streamNames();
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        Reference<GsfInput> input(gsf_infile_child_by_index(m_container->root.value, i));
        if (!input.value)
            return {};
        const gsf_off_t size = gsf_input_size(input.value);
        if (size < 0 || size > limit)
            return {};
        QByteArray bytes(static_cast<qsizetype>(size), Qt::Uninitialized);
        if (size > 0 &&
            !gsf_input_read(input.value, static_cast<size_t>(size), reinterpret_cast<guint8*>(bytes.data())))
            return {};
        return bytes;
    }
    return {};
}

bool CompoundFile::write(const QString& path, const QList<QPair<QString, QByteArray>>& streams)
{
    initialiseGsfOnce();
    GError* error = nullptr;
    Reference<GsfOutput> file(gsf_output_stdio_new(glibFileName(path).constData(), &error));
    if (error)
        g_error_free(error);
    if (!file.value)
        return false;
    Reference<GsfOutfile> root(gsf_outfile_msole_new(file.value));
    if (!root.value)
        return false;
    bool written = true;
    for (const auto& [name, bytes] : streams) {
        Reference<GsfOutput> stream(gsf_outfile_new_child(root.value, name.toUtf8().constData(), FALSE));
        written = written && stream.value &&
                  gsf_output_write(stream.value, static_cast<size_t>(bytes.size()),
                                   reinterpret_cast<const guint8*>(bytes.constData())) &&
                  gsf_output_close(stream.value);
    }
    written = gsf_output_close(GSF_OUTPUT(root.value)) && written;
    // Closing the document closes the file under it in some libgsf versions, not in others.
    return (gsf_output_is_closed(file.value) || gsf_output_close(file.value)) && written;
}

} // namespace ud
