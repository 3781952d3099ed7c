/* The COPY row function's inline cases, compiled (see row_function.py, which decides them).

A RowKernel is built once per COPY from one pass rule per column. Called with a record and `clean`, it returns
the row's COPY text. It looks a dict record's values up by their keys where the mapping is by exact names, and
otherwise asks the mapping's function for them; then each value that its column's pass rule takes as it is (or as str() or
repr() writes it) goes in inline, NULL and "" as the rule says, and every other value goes to the column's own
converter, whose LoadError it lets through. The same rules, run by the interpreter, are row_function's fallback
where this module was not built.
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>

/* row_function.Pass, in the same order. */
enum { PASS_NONE, PASS_TEXT, PASS_INTEGER, PASS_FLOAT, PASS_EPOCH };

typedef struct {
    int kind;
    int nullable;         /* None is NULL */
    int empty_is_null;    /* "" is NULL */
    PyObject *convert;    /* the column's converter */
    /* PASS_TEXT */
    Py_ssize_t limit;     /* the column's bytes (-1: none) */
    int fixed_width;      /* CHAR: ASCII only */
    int blanks_as_null;   /* BLANKSASNULL: a blank string goes to the converter */
    /* PASS_INTEGER, PASS_EPOCH */
    long long low, high;
    Py_ssize_t digits;    /* PASS_INTEGER: a string of at most this many digits is in range */
    /* PASS_FLOAT */
    double float_limit;   /* |value| bound, inclusive (INFINITY: any float) */
    /* PASS_EPOCH */
    long long scale;      /* epoch units a second: 1 or 1000 */
    char suffix[8];       /* appended to the timestamp ("+00" or "") */
} Column;

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    Py_ssize_t count;
    Column *columns;
    PyObject *null;
    PyObject *column_values; /* record -> its values (None: the record is its values) */
    PyObject *keys;          /* a dict record's keys, one per column (NULL: column_values maps every record) */
} RowKernel;

#define SCRATCH 64 /* columns whose fields and values a call holds on the stack */

static int
needs_escape(PyObject *text)
{
    /* COPY text escapes a backslash, tab, newline, carriage return and NUL. */
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == 0)
            return 1;
    }
    return 0;
}

static int
is_blank(PyObject *text)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < length; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

static int
is_short_digits(PyObject *text, Py_ssize_t digits)
{
    /* Not empty, at most `digits` ASCII digits, no leading zero. */
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (length == 0 || length > digits || !PyUnicode_IS_ASCII(text))
        return 0;
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(text);
    if (data[0] == '0')
        return 0;
    for (Py_ssize_t i = 0; i < length; i++)
        if (data[i] < '0' || data[i] > '9')
            return 0;
    return 1;
}

static char *
write_digits(char *out, long long number, int width)
{
    for (int i = width - 1; i >= 0; i--, number /= 10)
        out[i] = '0' + number % 10;
    return out + width;
}

/* The text datetime.isoformat(" ") gives for 1970-01-01 plus `count` units of 1/scale second (in datetime's range):
   the civil date from the day number, as in H. Hinnant's "chrono-compatible low-level date algorithms". */
static PyObject *
epoch_text(long long count, long long scale, const char *suffix)
{
    long long per_day = 86400 * scale;
    long long day = count / per_day, rest = count % per_day;
    if (rest < 0) {
        rest += per_day;
        day -= 1;
    }
    long long seconds = rest / scale, part = rest % scale;
    long long z = day + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long month_day = doy - (153 * mp + 2) / 5 + 1;
    long long month = mp < 10 ? mp + 3 : mp - 9;
    long long year = yoe + era * 400 + (month <= 2);
    char text[40], *at = text;
    at = write_digits(at, year, 4);
    *at++ = '-';
    at = write_digits(at, month, 2);
    *at++ = '-';
    at = write_digits(at, month_day, 2);
    *at++ = ' ';
    at = write_digits(at, seconds / 3600, 2);
    *at++ = ':';
    at = write_digits(at, seconds / 60 % 60, 2);
    *at++ = ':';
    at = write_digits(at, seconds % 60, 2);
    if (part) {
        *at++ = '.';
        at = write_digits(at, part * (1000000 / scale), 6);
    }
    size_t suffix_length = strlen(suffix);
    memcpy(at, suffix, suffix_length);
    at += suffix_length;
    return PyUnicode_FromStringAndSize(text, at - text);
}

static int
long_in(PyObject *value, long long low, long long high)
{
    int overflow;
    long long number = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow)
        return 0;
    return low <= number && number <= high;
}

/* The field of one value: a new reference, or NULL with an exception set. */
static PyObject *
field(RowKernel *self, Column *column, PyObject *value, int clean)
{
    switch (column->kind) {
    case PASS_TEXT:
        if (PyUnicode_CheckExact(value) && PyUnicode_GET_LENGTH(value) > 0) {
            Py_ssize_t length = PyUnicode_GET_LENGTH(value);
            int fits;
            if (column->fixed_width)
                fits = PyUnicode_IS_ASCII(value) && (column->limit < 0 || length <= column->limit);
            else
                fits = column->limit < 0 || length <= column->limit / 4
                       || (length <= column->limit && PyUnicode_IS_ASCII(value));
            if (fits && !(column->blanks_as_null && is_blank(value)) && (clean || !needs_escape(value))) {
                Py_INCREF(value);
                return value;
            }
        }
        break;
    case PASS_INTEGER:
        if (PyLong_CheckExact(value)) {
            if (long_in(value, column->low, column->high))
                return PyObject_Str(value);
        }
        else if (PyUnicode_CheckExact(value) && is_short_digits(value, column->digits)) {
            Py_INCREF(value);
            return value;
        }
        break;
    case PASS_FLOAT:
        if (PyFloat_CheckExact(value)) {
            double number = PyFloat_AS_DOUBLE(value);
            if (-column->float_limit <= number && number <= column->float_limit)
                return PyObject_Repr(value);
        }
        break;
    case PASS_EPOCH:
        if (PyLong_CheckExact(value) && long_in(value, column->low, column->high))
            return epoch_text(PyLong_AsLongLong(value), column->scale, column->suffix);
        break;
    }
    if (value == Py_None && column->nullable) {
        Py_INCREF(self->null);
        return self->null;
    }
    if (column->empty_is_null && PyUnicode_Check(value) && PyUnicode_GET_LENGTH(value) == 0) {
        Py_INCREF(self->null);
        return self->null;
    }
    PyObject *converted = PyObject_CallOneArg(column->convert, value);
    if (converted != NULL && !PyUnicode_Check(converted)) {
        PyErr_Format(PyExc_TypeError, "a COPY converter returned %s, not str", Py_TYPE(converted)->tp_name);
        Py_CLEAR(converted);
    }
    return converted;
}

/* The fields joined by tabs, with a newline: a new str. */
static PyObject *
join(PyObject **fields, Py_ssize_t count)
{
    Py_ssize_t total = count;
    Py_UCS4 widest = 127;
    for (Py_ssize_t i = 0; i < count; i++) {
        total += PyUnicode_GET_LENGTH(fields[i]);
        Py_UCS4 most = PyUnicode_MAX_CHAR_VALUE(fields[i]);
        if (most > widest)
            widest = most;
    }
    PyObject *row = PyUnicode_New(total, widest);
    if (row == NULL)
        return NULL;
    Py_ssize_t at = 0;
    if (PyUnicode_KIND(row) == PyUnicode_1BYTE_KIND) {
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(row);
        for (Py_ssize_t i = 0; i < count; i++) {
            Py_ssize_t length = PyUnicode_GET_LENGTH(fields[i]);
            memcpy(out + at, PyUnicode_1BYTE_DATA(fields[i]), length);
            at += length;
            out[at++] = i + 1 < count ? '\t' : '\n';
        }
        return row;
    }
    int kind = PyUnicode_KIND(row);
    void *data = PyUnicode_DATA(row);
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t length = PyUnicode_GET_LENGTH(fields[i]);
        if (PyUnicode_CopyCharacters(row, at, fields[i], 0, length) < 0) {
            Py_DECREF(row);
            return NULL;
        }
        at += length;
        PyUnicode_WRITE(kind, data, at++, i + 1 < count ? '\t' : '\n');
    }
    return row;
}

/* The row of values `items` (borrowed), in `fields` (one slot per column). */
static PyObject *
row_of(RowKernel *self, PyObject **items, PyObject **fields, int clean)
{
    PyObject *row = NULL;
    Py_ssize_t done = 0;
    for (; done < self->count; done++) {
        fields[done] = field(self, &self->columns[done], items[done], clean);
        if (fields[done] == NULL)
            goto end;
    }
    row = join(fields, self->count);
end:
    for (Py_ssize_t i = 0; i < done; i++)
        Py_DECREF(fields[i]);
    return row;
}

/* (record, clean) -> the row: the record's values are its keys' (None where absent) when it is a dict and the
   kernel has keys, and otherwise what column_values gives (the record itself where that is None). */
static PyObject *
kernel_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    RowKernel *self = (RowKernel *)callable;
    if (PyVectorcall_NARGS(nargsf) != 2 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "a row kernel takes (record, clean)");
        return NULL;
    }
    int clean = PyObject_IsTrue(args[1]);
    if (clean < 0)
        return NULL;
    PyObject *stack[2 * SCRATCH], **scratch = stack, *row = NULL, *values = NULL;
    if (self->count > SCRATCH && (scratch = PyMem_Malloc(2 * self->count * sizeof(PyObject *))) == NULL)
        return PyErr_NoMemory();
    PyObject **items = scratch + self->count;
    if (self->keys != NULL && PyDict_CheckExact(args[0])) {
        for (Py_ssize_t i = 0; i < self->count; i++) {
            items[i] = PyDict_GetItemWithError(args[0], PyTuple_GET_ITEM(self->keys, i));
            if (items[i] == NULL) {
                if (PyErr_Occurred())
                    goto end;
                items[i] = Py_None;
            }
        }
    }
    else {
        values = self->column_values == Py_None ? Py_NewRef(args[0]) : PyObject_CallOneArg(self->column_values, args[0]);
        if (values == NULL)
            goto end;
        Py_SETREF(values, PySequence_Fast(values, "a record's column values must be a sequence"));
        if (values == NULL)
            goto end;
        if (PySequence_Fast_GET_SIZE(values) != self->count) {
            PyErr_Format(PyExc_ValueError, "a row of %zd columns got %zd values", self->count,
                         PySequence_Fast_GET_SIZE(values));
            goto end;
        }
        items = PySequence_Fast_ITEMS(values);
    }
    row = row_of(self, items, scratch, clean);
end:
    Py_XDECREF(values);
    if (scratch != stack)
        PyMem_Free(scratch);
    return row;
}

static void
kernel_clear_columns(RowKernel *self)
{
    for (Py_ssize_t i = 0; self->columns != NULL && i < self->count; i++)
        Py_CLEAR(self->columns[i].convert);
    PyMem_Free(self->columns);
    self->columns = NULL;
    Py_CLEAR(self->null);
    Py_CLEAR(self->column_values);
    Py_CLEAR(self->keys);
}

static void
kernel_dealloc(RowKernel *self)
{
    kernel_clear_columns(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* One rule: (kind, converter, nullable, empty_is_null, limit, fixed_width, blanks_as_null, low, high, digits,
   float_limit, scale, suffix), row_function.PassRule's fields. */
static int
read_rule(PyObject *rule, Column *column)
{
    PyObject *convert;
    const char *suffix;
    Py_ssize_t suffix_length;
    if (!PyArg_ParseTuple(rule, "iOppnppLLndLs#;a row kernel's column rule", &column->kind, &convert,
                          &column->nullable, &column->empty_is_null, &column->limit, &column->fixed_width,
                          &column->blanks_as_null, &column->low, &column->high, &column->digits,
                          &column->float_limit, &column->scale, &suffix, &suffix_length))
        return -1;
    if (column->kind < PASS_NONE || column->kind > PASS_EPOCH) {
        PyErr_Format(PyExc_ValueError, "no pass rule of kind %d", column->kind);
        return -1;
    }
    if (column->scale < 1 || 1000000 % column->scale || suffix_length >= (Py_ssize_t)sizeof column->suffix) {
        PyErr_SetString(PyExc_ValueError, "a row kernel's epoch scale divides a million, and its suffix is short");
        return -1;
    }
    memcpy(column->suffix, suffix, suffix_length + 1);
    column->convert = Py_NewRef(convert);
    return 0;
}

static PyObject *
kernel_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *rules, *null, *column_values, *keys;
    static char *keywords[] = {"rules", "null", "column_values", "keys", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!UOO", keywords, &PyTuple_Type, &rules, &null, &column_values,
                                     &keys))
        return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(rules);
    if (keys != Py_None && !(PyTuple_Check(keys) && PyTuple_GET_SIZE(keys) == count)) {
        PyErr_SetString(PyExc_ValueError, "a row kernel's keys are a tuple of one key per column, or None");
        return NULL;
    }
    RowKernel *self = (RowKernel *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vectorcall = kernel_vectorcall;
    self->null = Py_NewRef(null);
    self->column_values = Py_NewRef(column_values);
    self->keys = keys == Py_None ? NULL : Py_NewRef(keys);
    self->columns = PyMem_Calloc(count ? count : 1, sizeof(Column));
    if (self->columns == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if (read_rule(PyTuple_GET_ITEM(rules, i), &self->columns[i]) < 0) {
            self->count = i;
            Py_DECREF(self);
            return NULL;
        }
    }
    self->count = count;
    return (PyObject *)self;
}

static PyTypeObject RowKernelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "local_redshift.copy._row_kernel.RowKernel",
    .tp_doc = PyDoc_STR("RowKernel(rules, null, column_values, keys): (record, clean) -> the row's COPY text."),
    .tp_basicsize = sizeof(RowKernel),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_vectorcall_offset = offsetof(RowKernel, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_new = kernel_new,
    .tp_dealloc = (destructor)kernel_dealloc,
};

static int
module_exec(PyObject *module)
{
    if (PyType_Ready(&RowKernelType) < 0)
        return -1;
    return PyModule_AddObjectRef(module, "RowKernel", (PyObject *)&RowKernelType);
}

static PyModuleDef_Slot module_slots[] = {{Py_mod_exec, module_exec}, {0, NULL}};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "local_redshift.copy._row_kernel",
    .m_doc = PyDoc_STR("The COPY row function's inline cases, compiled."),
    .m_slots = module_slots,
};

PyMODINIT_FUNC
PyInit__row_kernel(void)
{
    return PyModuleDef_Init(&module_def);
}
