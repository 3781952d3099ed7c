/* The COPY row function's inline cases, compiled (see row_function.py, which decides them).

A RowKernel is built once per COPY from one pass rule per column. Called with a record's column values and
`clean`, it returns the row's COPY text: each value that its column's pass rule takes as it is (or as str() or
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
    PyObject *epoch_text; /* count -> the timestamp's text */
    PyObject *suffix;     /* appended to it (NULL: nothing) */
} Column;

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    Py_ssize_t count;
    Column *columns;
    PyObject *null;
    PyObject **fields; /* scratch: one field per column */
} RowKernel;

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
            if (isinf(column->float_limit) || (-column->float_limit <= number && number <= column->float_limit))
                return PyObject_Repr(value);
        }
        break;
    case PASS_EPOCH:
        if (PyLong_CheckExact(value) && long_in(value, column->low, column->high)) {
            PyObject *text = PyObject_CallOneArg(column->epoch_text, value);
            if (text == NULL || column->suffix == NULL)
                return text;
            PyObject *joined = PyUnicode_Concat(text, column->suffix);
            Py_DECREF(text);
            return joined;
        }
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

static PyObject *
kernel_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    RowKernel *self = (RowKernel *)callable;
    if (PyVectorcall_NARGS(nargsf) != 2 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "a row kernel takes (values, clean)");
        return NULL;
    }
    PyObject *values = PySequence_Fast(args[0], "a row kernel's values must be a sequence");
    if (values == NULL)
        return NULL;
    int clean = PyObject_IsTrue(args[1]);
    if (clean < 0 || PySequence_Fast_GET_SIZE(values) != self->count) {
        if (clean >= 0)
            PyErr_Format(PyExc_ValueError, "a row of %zd columns got %zd values", self->count,
                         PySequence_Fast_GET_SIZE(values));
        Py_DECREF(values);
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(values);
    PyObject *row = NULL;
    Py_ssize_t done = 0;
    for (; done < self->count; done++) {
        self->fields[done] = field(self, &self->columns[done], items[done], clean);
        if (self->fields[done] == NULL)
            goto end;
    }
    row = join(self->fields, self->count);
end:
    for (Py_ssize_t i = 0; i < done; i++)
        Py_CLEAR(self->fields[i]);
    Py_DECREF(values);
    return row;
}

static void
kernel_clear_columns(RowKernel *self)
{
    for (Py_ssize_t i = 0; self->columns != NULL && i < self->count; i++) {
        Py_CLEAR(self->columns[i].convert);
        Py_CLEAR(self->columns[i].epoch_text);
        Py_CLEAR(self->columns[i].suffix);
    }
    PyMem_Free(self->columns);
    PyMem_Free(self->fields);
    self->columns = NULL;
    self->fields = NULL;
    Py_CLEAR(self->null);
}

static void
kernel_dealloc(RowKernel *self)
{
    kernel_clear_columns(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* One rule: (kind, converter, nullable, empty_is_null, limit, fixed_width, blanks_as_null, low, high, digits,
   float_limit, epoch_text, suffix). */
static int
read_rule(PyObject *rule, Column *column)
{
    PyObject *convert, *epoch_text, *suffix;
    if (!PyArg_ParseTuple(rule, "iOppnppLLndOO;a row kernel's column rule", &column->kind, &convert,
                          &column->nullable, &column->empty_is_null, &column->limit, &column->fixed_width,
                          &column->blanks_as_null, &column->low, &column->high, &column->digits,
                          &column->float_limit, &epoch_text, &suffix))
        return -1;
    if (column->kind < PASS_NONE || column->kind > PASS_EPOCH) {
        PyErr_Format(PyExc_ValueError, "no pass rule of kind %d", column->kind);
        return -1;
    }
    column->convert = Py_NewRef(convert);
    column->epoch_text = epoch_text == Py_None ? NULL : Py_NewRef(epoch_text);
    column->suffix = suffix == Py_None ? NULL : Py_NewRef(suffix);
    return 0;
}

static PyObject *
kernel_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *rules, *null;
    static char *keywords[] = {"rules", "null", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!U", keywords, &PyTuple_Type, &rules, &null))
        return NULL;
    RowKernel *self = (RowKernel *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vectorcall = kernel_vectorcall;
    Py_ssize_t count = PyTuple_GET_SIZE(rules);
    self->columns = PyMem_Calloc(count ? count : 1, sizeof(Column));
    self->fields = PyMem_Calloc(count ? count : 1, sizeof(PyObject *));
    self->null = Py_NewRef(null);
    if (self->columns == NULL || self->fields == NULL) {
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
    .tp_doc = PyDoc_STR("RowKernel(rules, null): (values, clean) -> the row's COPY text, newline included."),
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
