package gov.bnl.sphenix.production.k8s;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolved production as the source reconciler read it, with the revision and file it came
 * from. Resolved means overrides applied and run lists read: what the engine will do, readable
 * with {@code kubectl describe}.
 */
public class ProductionSpec {

    private String source;
    private String revision;
    private String file;
    private String specHash;
    private String dsttype;
    private String dataset;
    private String tag;
    private String ruleSet;
    private String rule;
    private String runs;
    private String order;
    private String segments;
    private List<String> masks = new ArrayList<>();
    private int priority;
    private List<Integer> memoryMib = new ArrayList<>();
    private int maxQueued;
    private int maxSubmitPerCycle;
    private boolean submit;
    private boolean harvest;
    private String onRemoval;
    private String gracePeriod;
    private List<String> reruns = new ArrayList<>();

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getSpecHash() {
        return specHash;
    }

    public void setSpecHash(String specHash) {
        this.specHash = specHash;
    }

    public String getDsttype() {
        return dsttype;
    }

    public void setDsttype(String dsttype) {
        this.dsttype = dsttype;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getRuleSet() {
        return ruleSet;
    }

    public void setRuleSet(String ruleSet) {
        this.ruleSet = ruleSet;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getRuns() {
        return runs;
    }

    public void setRuns(String runs) {
        this.runs = runs;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getSegments() {
        return segments;
    }

    public void setSegments(String segments) {
        this.segments = segments;
    }

    public List<String> getMasks() {
        return masks;
    }

    public void setMasks(List<String> masks) {
        this.masks = masks;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public List<Integer> getMemoryMib() {
        return memoryMib;
    }

    public void setMemoryMib(List<Integer> memoryMib) {
        this.memoryMib = memoryMib;
    }

    public int getMaxQueued() {
        return maxQueued;
    }

    public void setMaxQueued(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    public int getMaxSubmitPerCycle() {
        return maxSubmitPerCycle;
    }

    public void setMaxSubmitPerCycle(int maxSubmitPerCycle) {
        this.maxSubmitPerCycle = maxSubmitPerCycle;
    }

    public boolean isSubmit() {
        return submit;
    }

    public void setSubmit(boolean submit) {
        this.submit = submit;
    }

    public boolean isHarvest() {
        return harvest;
    }

    public void setHarvest(boolean harvest) {
        this.harvest = harvest;
    }

    public String getOnRemoval() {
        return onRemoval;
    }

    public void setOnRemoval(String onRemoval) {
        this.onRemoval = onRemoval;
    }

    public String getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(String gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    public List<String> getReruns() {
        return reruns;
    }

    public void setReruns(List<String> reruns) {
        this.reruns = reruns;
    }
}
